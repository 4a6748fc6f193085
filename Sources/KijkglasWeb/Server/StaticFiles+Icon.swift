extension StaticFiles {
    /// `/static/icon.svg`: a magnifying glass, the browser tab's icon.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="13" cy="13" r="9" fill="none" stroke="#1f4e79" stroke-width="4"/>\
        <line x1="20" y1="20" x2="29" y2="29" stroke="#1f4e79" stroke-width="5" stroke-linecap="round"/></svg>
        """
}
