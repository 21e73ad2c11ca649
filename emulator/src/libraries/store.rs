//! What the libraries keep ([`Libraries`], [`LibraryStore`], [`LibraryRecord`], [`DocumentRecord`]:
//! processing steps and views) and the model's [`LibraryHost`] over it.

use super::*;

/// A stored document.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    /// Upload order.
    pub seq: u64,
    /// What the API shows (the processing fields are refreshed when it is shown).
    pub meta: wire::Document,
    /// The uploaded bytes.
    pub bytes: Bytes,
    /// The extracted text: the text itself for text, Markdown and JSON files, a placeholder
    /// derived from the name for the others.
    pub text: String,
    /// Reads (`get`, `status`) since the upload or the last reprocess.
    pub reads: u32,
    /// When processing (re)started, in microseconds since the epoch.
    pub since: i64,
}

impl DocumentRecord {
    /// 0 queued, 1 running, 2 done.
    pub fn step(&self) -> u32 {
        let by_time = (self.elapsed_micros() / STEP.as_micros() as i64) as u32;
        self.reads.max(by_time).min(2)
    }

    /// Microseconds since processing (re)started (0 if the clock went back).
    pub(super) fn elapsed_micros(&self) -> i64 {
        (clock::now_micros() - self.since).max(0)
    }

    /// Whether processing has finished.
    pub fn done(&self) -> bool {
        self.step() >= 2
    }

    /// The document as the API shows it now.
    pub fn view(&self) -> wire::Document {
        let mut d = self.meta.clone();
        let (process, processing) = match self.step() {
            0 => ("todo", "queued"),
            1 => ("in_progress", "running"),
            _ => ("done", "done"),
        };
        d.process_status = process.into();
        d.processing_status = processing.into();
        if self.done() {
            let main = tokens::count(&self.text) as i64;
            let summary = d.summary.as_deref().map(tokens::count).unwrap_or(0) as i64;
            d.tokens_processing_main_content = Some(main);
            d.tokens_processing_summary = Some(summary);
            d.tokens_processing_total = main + summary;
            if d.last_processed_at.is_none() {
                let micros = self.since + 2 * STEP.as_micros() as i64;
                d.last_processed_at = Some(clock::rfc3339(micros.min(clock::now_micros())));
            }
        } else {
            d.summary = None;
            d.last_processed_at = None;
            d.tokens_processing_main_content = None;
            d.tokens_processing_summary = None;
            d.tokens_processing_total = 0;
        }
        d
    }

    pub(super) fn status(&self) -> wire::DocumentStatus {
        let v = self.view();
        wire::DocumentStatus {
            document_id: v.id,
            process_status: v.process_status,
            processing_status: v.processing_status,
        }
    }
}

/// A stored library.
#[derive(Debug, Clone)]
pub struct LibraryRecord {
    /// Creation order.
    pub seq: u64,
    /// What the API shows (sizes and counts are refreshed when it is shown).
    pub meta: wire::Library,
    /// Documents by id.
    pub documents: HashMap<String, DocumentRecord>,
    /// Shares (not the owner's), in order.
    pub shares: Vec<wire::Sharing>,
}

impl LibraryRecord {
    /// The library as the API shows it (with `chunk_size` / `owner_id` null when unset).
    pub fn view(&self) -> Value {
        let mut l = self.meta.clone();
        l.nb_documents = self.documents.len() as i64;
        l.total_size = self.documents.values().map(|d| d.bytes.len() as i64).sum();
        l.explicit_user_members_count = Some(
            self.shares
                .iter()
                .filter(|s| s.share_with_type == "User")
                .count() as i64,
        );
        l.explicit_workspace_members_count = Some(
            self.shares
                .iter()
                .filter(|s| s.share_with_type == "Workspace")
                .count() as i64,
        );
        l.org_sharing_role = self
            .shares
            .iter()
            .find(|s| s.share_with_type == "Org")
            .map(|s| s.role.clone());
        let mut v = serde_json::to_value(&l).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut v {
            // Required but nullable in the API: present as null rather than absent.
            map.entry("chunk_size").or_insert(Value::Null);
            map.entry("owner_id").or_insert(Value::Null);
        }
        v
    }

    pub(super) fn documents_in_order(&self) -> Vec<&DocumentRecord> {
        let mut docs: Vec<&DocumentRecord> = self.documents.values().collect();
        docs.sort_by_key(|d| d.seq);
        docs
    }
}

/// Every library, behind one lock. It is also the model's [`LibraryHost`].
#[derive(Debug, Default)]
pub struct Libraries {
    pub(super) store: Mutex<LibraryStore>,
}

/// The libraries by id.
#[derive(Debug, Default)]
pub struct LibraryStore {
    /// By id.
    pub by_id: HashMap<String, LibraryRecord>,
    pub(super) seq: u64,
}

impl LibraryStore {
    pub(super) fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    pub(super) fn library(&self, id: &str) -> Result<&LibraryRecord, ApiError> {
        self.by_id
            .get(id)
            .ok_or_else(|| ApiError::not_found("Library", id))
    }

    pub(super) fn library_mut(&mut self, id: &str) -> Result<&mut LibraryRecord, ApiError> {
        self.by_id
            .get_mut(id)
            .ok_or_else(|| ApiError::not_found("Library", id))
    }

    pub(super) fn document_mut(
        &mut self,
        lib: &str,
        doc: &str,
    ) -> Result<&mut DocumentRecord, ApiError> {
        self.library_mut(lib)?
            .documents
            .get_mut(doc)
            .ok_or_else(|| ApiError::not_found("Document", doc))
    }

    /// A document by id, in whichever library it is.
    pub fn find_document(&self, doc: &str) -> Option<&DocumentRecord> {
        self.by_id.values().find_map(|l| l.documents.get(doc))
    }
}

impl Libraries {
    /// Locks the libraries.
    pub fn lock(&self) -> MutexGuard<'_, LibraryStore> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Searches the processed documents of `library_ids` (see [`search_text`]).
    pub fn search_now(
        &self,
        library_ids: &[String],
        query: &str,
    ) -> Result<Vec<LibraryHit>, ApiError> {
        let store = self.lock();
        let mut hits: Vec<(usize, usize, LibraryHit)> = Vec::new();
        let mut order = 0;
        for lib_id in library_ids {
            let lib = store.library(lib_id)?;
            for doc in lib.documents_in_order() {
                if !doc.done() {
                    continue;
                }
                for (score, snippet) in search_text(&doc.text, query) {
                    hits.push((
                        score,
                        order,
                        LibraryHit {
                            library_id: lib_id.clone(),
                            document_id: doc.meta.id.clone(),
                            document_name: doc.meta.name.clone(),
                            snippet,
                        },
                    ));
                    order += 1;
                }
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(hits.into_iter().map(|(_, _, h)| h).collect())
    }
}

impl LibraryHost for Libraries {
    fn search<'a>(
        &'a self,
        library_ids: &'a [String],
        query: &'a str,
    ) -> BoxFuture<'a, Result<Vec<LibraryHit>, ApiError>> {
        Box::pin(async move { self.search_now(library_ids, query) })
    }
}

// ----- search -----
