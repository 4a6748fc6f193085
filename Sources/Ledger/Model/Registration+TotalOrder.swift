extension Registration {
    /// A total order of rows: by identity, then field by field. Two releases of different scopes
    /// may hold rows with one identity and different contents; choosing between them by this
    /// order keeps every answer independent of the order rows were read in.
    public static func precedesInFull(_ a: Registration, _ b: Registration) -> Bool {
        if a.key != b.key { return a.key < b.key }
        for field in Field.allCases {
            let (left, right) = (a.text(of: field) ?? "", b.text(of: field) ?? "")
            if left != right { return left < right }
        }
        return false
    }
}
