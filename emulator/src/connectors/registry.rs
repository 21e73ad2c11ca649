//! The connectors' store ([`Registry`], [`Connectors`], [`ConnectorRecord`], [`Credential`]) and
//! the model's [`ConnectorHost`] over it.

use super::*;

/// A stored set of credentials. The secrets stay here: responses show only the
/// [`wire::AuthenticationConfiguration`].
#[derive(Clone)]
pub struct Credential {
    /// What the API shows.
    pub config: wire::AuthenticationConfiguration,
    /// The bearer token or OAuth access token, sent as `Authorization: Bearer`.
    pub token: Option<String>,
    /// Header values, sent with every MCP request.
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// A stored connector.
#[derive(Debug, Clone)]
pub struct ConnectorRecord {
    /// Creation order (the key of the keyset pagination).
    pub seq: u64,
    /// `"http"` rather than `"mcp"`.
    pub http: bool,
    /// The connector as the API shows it (credentials, visibility and activation are filled
    /// in when it is shown).
    pub details: wire::ConnectorDetails,
    /// The ways to authenticate, as created (`has_default_credentials` is computed).
    pub methods: Vec<wire::PublicAuthenticationMethod>,
    /// The OAuth 2 client id, for the authorization URL.
    pub client_id: Option<String>,
    /// Organisation-level and connector-wide headers, sent to the server with every request.
    pub headers: Vec<(String, String)>,
    /// Credentials by scope (`user`, `workspace`, `org`) and name.
    pub credentials: BTreeMap<(String, String), Credential>,
    /// Shared with the workspace.
    pub shared_workspace: bool,
    /// Shared with the organisation.
    pub shared_org: bool,
    /// Scopes that deactivated it.
    pub blocked_by: BTreeSet<String>,
}

impl ConnectorRecord {
    /// Whether no scope deactivated it.
    pub fn active(&self) -> bool {
        self.blocked_by.is_empty()
    }

    /// The connector as the API shows it.
    pub fn view(&self, with_credentials: bool) -> wire::Connector {
        let mut d = self.details.clone();
        let methods = self.public_methods();
        d.is_authenticated = Some(
            methods.iter().any(|m| m.method_type.as_str() == "none")
                || !self.credentials.is_empty(),
        );
        d.supported_auth_methods = Some(methods);
        d.visibility = if self.shared_org {
            "shared_org".into()
        } else if self.shared_workspace {
            "shared_workspace".into()
        } else if d.visibility.as_str() == "shared_global" {
            d.visibility
        } else {
            "private".into()
        };
        d.active = Some(self.active());
        d.blocked_by = (!self.blocked_by.is_empty())
            .then(|| self.blocked_by.iter().map(|s| s.as_str().into()).collect());
        d.connection_credentials = with_credentials.then(|| {
            self.credentials
                .values()
                .map(|c| c.config.clone())
                .collect()
        });
        if self.http {
            wire::Connector::Http(d)
        } else {
            wire::Connector::Mcp(d)
        }
    }

    /// The authentication methods, with `has_default_credentials` filled in and secret header
    /// values hidden.
    pub fn public_methods(&self) -> Vec<wire::PublicAuthenticationMethod> {
        self.methods
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.has_default_credentials = self.credentials.values().any(|c| {
                    c.config.is_default == Some(true)
                        && c.config.authentication_type == m.method_type
                });
                if let Some(g) = &mut m.global_headers {
                    for v in g.0.values_mut() {
                        if v.is_secret != Some(false) {
                            v.value = Secret("********".into());
                        }
                    }
                }
                m
            })
            .collect()
    }

    /// The credentials an MCP request uses: the named ones, else the defaults (user, then
    /// workspace, then organisation).
    pub(super) fn credential(&self, name: Option<&str>) -> Option<&Credential> {
        pub(super) const ORDER: [&str; 3] = ["user", "workspace", "org"];
        match name {
            Some(name) => ORDER
                .iter()
                .find_map(|s| self.credentials.get(&((*s).to_owned(), name.to_owned()))),
            None => ORDER.iter().find_map(|s| {
                self.credentials
                    .iter()
                    .find(|((scope, _), c)| scope == s && c.config.is_default == Some(true))
                    .map(|(_, c)| c)
            }),
        }
    }
}

/// Every connector, behind one lock. It is also the model's [`ConnectorHost`].
#[derive(Debug, Default)]
pub struct Registry {
    pub(super) store: Mutex<Connectors>,
}

/// The connectors by id.
#[derive(Debug, Default)]
pub struct Connectors {
    /// By id.
    pub by_id: HashMap<String, ConnectorRecord>,
    pub(super) seq: u64,
}

impl Connectors {
    /// A connector by id or name.
    pub fn find(&self, id_or_name: &str) -> Option<&ConnectorRecord> {
        self.by_id
            .get(id_or_name)
            .or_else(|| self.by_id.values().find(|c| c.details.name == id_or_name))
    }

    pub(super) fn find_mut(&mut self, id_or_name: &str) -> Option<&mut ConnectorRecord> {
        let id = self.find(id_or_name)?.details.id.clone();
        self.by_id.get_mut(&id)
    }

    pub(super) fn name_taken(&self, name: &str, except: &str) -> bool {
        self.by_id
            .values()
            .any(|c| c.details.name == name && c.details.id != except)
    }
}

impl Registry {
    /// Locks the connectors.
    pub fn lock(&self) -> MutexGuard<'_, Connectors> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How to reach a connector's server for one request: its URL and headers, and the
    /// per-request `authorization` (or else the stored `credentials_name` / default
    /// credentials) as the bearer token. `Ok(None)` when the connector is deactivated.
    pub fn target(
        &self,
        id_or_name: &str,
        authorization: Option<&wire::Authorization>,
        credentials_name: Option<&str>,
    ) -> Result<Option<Target>, ApiError> {
        let store = self.lock();
        let rec = store
            .find(id_or_name)
            .ok_or_else(|| ApiError::not_found("Connector", id_or_name))?;
        if !rec.active() {
            return Ok(None);
        }
        let stored = rec.credential(credentials_name);
        if let (Some(name), None) = (credentials_name, stored) {
            return Err(ApiError::not_found("Credentials", name));
        }
        let mut headers = rec.headers.clone();
        if let Some(c) = stored {
            headers.extend(c.headers.iter().cloned());
        }
        let per_request = authorization.and_then(|a| match a {
            wire::Authorization::OAuth2Token(v) | wire::Authorization::ApiKey(v) => {
                Some(v.value.0.clone())
            }
            _ => None,
        });
        Ok(Some(Target {
            connector: rec.details.name.clone(),
            url: rec.details.server.clone().unwrap_or_default(),
            bearer: per_request.or_else(|| stored.and_then(|c| c.token.clone())),
            headers,
        }))
    }
}

impl ConnectorHost for Registry {
    fn list_tools<'a>(
        &'a self,
        connector: &'a str,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<Vec<wire::McpTool>, ApiError>> {
        Box::pin(async move {
            match self.target(connector, authorization, None)? {
                // A deactivated connector offers the model no tools.
                None => Ok(Vec::new()),
                Some(target) => mcp::list_tools(&target).await,
            }
        })
    }

    fn call_tool<'a>(
        &'a self,
        connector: &'a str,
        tool: &'a str,
        arguments: Value,
        authorization: Option<&'a wire::Authorization>,
    ) -> BoxFuture<'a, Result<wire::ConnectorToolCallResponse, ApiError>> {
        Box::pin(async move {
            let target = self
                .target(connector, authorization, None)?
                .ok_or_else(|| deactivated(connector))?;
            let args = match arguments {
                Value::Object(map) => Some(map),
                Value::Null => None,
                other => Some([("value".to_owned(), other)].into_iter().collect()),
            };
            mcp::call_tool(&target, tool, args).await
        })
    }
}
