/// How DUO's stated figures map onto the ledger's own, loaded from
/// `Schemas/rules/reconciliation.json` so that what DUO's descriptions mean stays data.
public struct ReconciliationRules: Decodable, Sendable {
    /// Descriptions (`Omschrijving`) of a count of all counted (v)so pupils, matched ignoring
    /// case, spaces and punctuation.
    public var totalLabels: Sourced<[String]>

    /// Whether `label` names the count of all counted pupils.
    public func isTotal(_ label: String) -> Bool {
        let key = ReconciliationRules.key(label)
        return totalLabels.value.contains { ReconciliationRules.key($0) == key }
    }

    /// Lowercased letters and digits only.
    private static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
