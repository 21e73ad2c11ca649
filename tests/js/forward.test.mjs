// Forward compatibility through the built package: members, fields and enum values this
// version does not know arrive verbatim and go back unchanged, so get → update drops nothing.
import { test } from "node:test";
import assert from "node:assert/strict";

const { Mistral } = await import(new URL("../../pkg/node.js", import.meta.url));

const AGENT = {
  object: "agent", id: "ag_1", name: "Future", model: "mistral-medium-latest", version: 3, versions: [1, 2, 3],
  created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-02T00:00:00Z", deployment_chat: false, source: "api",
  instructions: "x",
  tools: [
    { type: "web_search" },
    { type: "quantum_search", qubit_count: 8, nested_config: { keep_me: true } },
    { type: "connector", connector_id: "c1", tool_configuration: { include: ["a"], future_flag: "on" } },
  ],
  completion_args: { temperature: 0.3, reasoning_effort: "galactic", future_knob: 1 },
  handoffs: ["ag_2"],
  brand_new_field: { snake_case_inside: [1, 2] },
};

test("get → update sends unknown members, fields and enum values back unchanged", async () => {
  const bodies = [];
  const fetch = async (url, init) => {
    if (init.method === "PATCH") bodies.push(JSON.parse(init.body));
    return new Response(JSON.stringify(AGENT), { headers: { "content-type": "application/json" } });
  };
  const client = new Mistral({ apiKey: "k", serverURL: "http://127.0.0.1:9", fetch });
  const agent = await client.beta.agents.get({ agentId: "ag_1" });
  assert.equal(agent.tools[1].type, "quantum_search");
  assert.equal(agent.tools[1].qubit_count, 8, "an unknown member is kept verbatim, keys included");
  assert.equal(agent.tools[2].toolConfiguration.future_flag, "on", "an unknown field is kept");
  assert.equal(agent.completionArgs.reasoningEffort, "galactic", "an unknown enum value is kept");
  assert.deepEqual(agent.brand_new_field, { snake_case_inside: [1, 2] });

  await client.beta.agents.update({
    agentId: "ag_1",
    updateAgentRequest: { instructions: "y", tools: agent.tools, completionArgs: agent.completionArgs, handoffs: agent.handoffs },
  });
  const sent = bodies[0];
  assert.deepEqual(sent.tools, AGENT.tools, "tools go back exactly as they came");
  assert.deepEqual(sent.completion_args, AGENT.completion_args);
  assert.equal(sent.instructions, "y");
});
