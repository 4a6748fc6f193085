/// The style sheet and the drag-and-drop script, served from memory: no file of the disk is
/// ever served, so no path can reach one.
enum StaticFiles {
    /// `/static/app.css`.
    static let css = """
        :root { --blue: #1f4e79; --line: #bfbfbf; --warn: #a50021; --ok: #2e6b1f; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.45; }
        nav { background: var(--blue); color: #fff; display: flex; flex-wrap: wrap; align-items: center; padding: 0 1rem; }
        nav .brand { font-weight: 700; margin-right: 1.5rem; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; margin: 0; padding: 0; }
        nav a { color: #fff; text-decoration: none; display: block; padding: 0.8rem 0.7rem; }
        nav a:hover, nav a:focus { background: #2e75b6; }
        nav a[aria-current="page"] { background: #fff; color: var(--blue); font-weight: 600; }
        main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
        h1 { font-size: 1.6rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid var(--blue); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; }
        table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
        th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #eef3f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
        dt { font-weight: 600; } dd { margin: 0; }
        form.filters, form.action { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; margin: 0.8rem 0; padding: 0.6rem; background: #f5f7fa; border: 1px solid var(--line); }
        form.inline { display: inline; }
        button { background: var(--blue); color: #fff; border: 0; padding: 0.4rem 0.9rem; border-radius: 3px; cursor: pointer; font: inherit; }
        input, select { font: inherit; padding: 0.2rem; }
        .notice { padding: 0.5rem 0.8rem; border-left: 4px solid var(--blue); background: #eef3f8; }
        .notice.warning, .warning { border-left-color: var(--warn); background: #fbeaea; }
        .notice.ok { border-left-color: var(--ok); background: #eaf5e6; }
        .ok { color: var(--ok); font-weight: 600; } .bad { color: var(--warn); font-weight: 600; }
        .figure { font-size: 2rem; font-weight: 700; margin: 0.2rem 0; color: var(--blue); }
        .drop { border: 2px dashed var(--line); padding: 1.5rem; margin: 0.8rem 0; }
        .drop.over { border-color: var(--blue); background: #eef3f8; }
        .hint, footer { color: #595959; font-size: 0.9rem; }
        footer { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem; }
        ul.fields { margin: 0; padding-left: 1.1rem; }
        svg { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }
        svg text { font-family: inherit; fill: #1a1a1a; }
        svg .chart-title { font-size: 16px; font-weight: 600; }
        svg .tick, svg .value { font-size: 12px; }
        svg .axis, svg .legend { font-size: 13px; }
        .report header h1 { font-size: 1.2rem; }
        """

    /// `/static/upload.js`: dropping a file on the upload form chooses it (the form works without).
    static let uploadScript = """
        (function () {
          var zone = document.getElementById("drop");
          var input = document.getElementById("bestand");
          if (!zone || !input) { return; }
          zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("over"); });
          zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
          zone.addEventListener("drop", function (event) {
            event.preventDefault();
            zone.classList.remove("over");
            if (event.dataTransfer && event.dataTransfer.files.length > 0) { input.files = event.dataTransfer.files; }
          });
        })();
        """
}
