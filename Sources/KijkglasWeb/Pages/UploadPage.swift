import Foundation
import Ingest
import KijkglasKit
import Reports

/// Bestand toevoegen: choose (or drop) a DUO file; the server keeps it owner-only and shows what
/// `inspect` shows (product, scope, metadata and where each item came from, the header mapping,
/// every problem with line and column); on confirmation it ingests the file, showing progress
/// on a page that reloads itself, and deletes it.
enum UploadPage {
    /// The form.
    static func page(_ app: WebApp) -> Page {
        Page(
            section: .upload, title: "Bestand toevoegen",
            body: """
                <p>Kies een bestand van Mijn DUO (CSV of XLSX, ten hoogste \(app.uploadLimit / (1 << 20)) MiB). U ziet eerst wat er in staat; pas na uw bevestiging wordt het vastgelegd.</p>
                <form method="post" action="/bestand" enctype="multipart/form-data" id="upload-form">\(HTML.csrfField(app.secrets.csrfToken))
                <div class="drop" id="drop">
                <label for="bestand">Bestand</label> <input type="file" id="bestand" name="bestand" accept=".csv,.txt,.xlsx" required>
                <p class="hint">of sleep het bestand hierheen</p>
                </div>
                <button type="submit">Controleren</button>
                </form>
                <script src="/static/upload.js"></script>
                """)
    }

    /// The inspection of an uploaded file: its preview with the confirmation, or its problems
    /// (422), the file then deleted.
    static func inspect(_ app: WebApp, _ form: MultipartForm) throws(KijkglasError) -> Page {
        guard let name = form.fileName, !name.isEmpty, !form.file.isEmpty else { throw KijkglasError(.usage, "kies een bestand") }
        let stored: (id: String, path: String)
        do {
            stored = try app.uploads.store(form.file, name: name)
        } catch {
            throw KijkglasError(.storage, "het bestand kon niet tijdelijk worden opgeslagen")
        }
        let inspection: FileInspection
        do {
            inspection = try FileReading().inspect(file: stored.path)
        } catch {
            app.uploads.discard(stored.id)
            throw error
        }
        let preview = HTML.inspection(inspection)
        guard inspection.problems.isEmpty else {
            app.uploads.discard(stored.id)
            return Page(
                section: .upload, title: "Bestand afgewezen",
                body: "\(HTML.notice("Dit bestand heeft problemen; er is niets vastgelegd en het bestand is verwijderd.", kind: "warning"))\(preview)<p><a href=\"/bestand\">Ander bestand kiezen</a></p>",
                status: .unprocessableContent)
        }
        return Page(
            section: .upload, title: "Controle van het bestand",
            body: """
                \(preview)
                <form method="post" action="/bestand/opnemen">\(HTML.csrfField(app.secrets.csrfToken))<input type="hidden" name="upload" value="\(stored.id)">
                <p><label><input type="checkbox" name="massa" value="ja"> Massawijziging accepteren (alleen als u de verschillen hebt gecontroleerd)</label></p>
                <button type="submit">Vastleggen in het grootboek</button>
                </form>
                <form method="post" action="/bestand/annuleren">\(HTML.csrfField(app.secrets.csrfToken))<input type="hidden" name="upload" value="\(stored.id)"><button type="submit">Annuleren</button></form>
                """)
    }

    /// Starts the ingest of the confirmed upload; the id of its progress.
    static func ingest(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> String {
        guard let id = fields["upload"] else { throw KijkglasError(.usage, "geen bestand gekozen") }
        try app.uploads.ingest(id, acceptMassChange: fields["massa"] == "ja", into: app.session)
        return id
    }

    /// The progress of an ingest: a page that reloads itself every second until it is done.
    static func progress(_ app: WebApp, _ fields: FormFields) throws(KijkglasError) -> Page {
        guard let id = fields["taak"], let progress = app.uploads.progress(of: id) else { throw KijkglasError(.usage, "onbekende taak") }
        switch progress {
        case .reading:
            return Page(section: .upload, title: "Bezig…", body: "<p class=\"progress\">Het bestand wordt gelezen en gecontroleerd…</p>", refresh: 1)
        case .recording:
            return Page(section: .upload, title: "Bezig…", body: "<p class=\"progress\">De release wordt vastgelegd…</p>", refresh: 1)
        case .done(let lines):
            let items = lines.map { line -> HTML in "<li>\(line)</li>" }
            return Page(section: .upload, title: "Vastgelegd", body: "<ul id=\"uitkomst\">\(items)</ul><p><a href=\"/releases\">Naar de releases</a> · <a href=\"/bestand\">Nog een bestand</a></p>")
        case .failed(let error):
            return Page(section: .upload, title: "Niet vastgelegd", body: HTML.failure(error), status: error.kind.httpStatus)
        }
    }
}
