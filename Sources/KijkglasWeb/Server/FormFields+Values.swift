import Ingest
import KijkglasKit
import Ledger

extension FormFields {
    /// The day in field `name` (`jjjj-mm-dd`, as a date input sends it, or `dd-mm-jjjj`), nil
    /// when empty; another text is a usage failure naming the field by `label`.
    func day(_ name: String, label: String) throws(KijkglasError) -> Day? {
        guard let text = self[name] else { return nil }
        guard let day = DateText.day(text) else { throw KijkglasError(.usage, "\(label) ‘\(text)’ is geen datum; geef jjjj-mm-dd") }
        return day
    }

    /// The release in field `name` (`R7` or `7`), nil when empty.
    func release(_ name: String, label: String) throws(KijkglasError) -> ReleaseID? {
        guard let text = self[name] else { return nil }
        guard let id = ReleaseID(text: text) else { throw KijkglasError(.usage, "\(label) ‘\(text)’ is geen release; geef bijvoorbeeld R7") }
        return id
    }

    /// The whole number in field `name`, nil when empty; another text, or one below `minimum`, is a
    /// usage failure naming the field by `label`.
    func number(_ name: String, label: String, minimum: Int = 0) throws(KijkglasError) -> Int? {
        guard let text = self[name] else { return nil }
        guard let number = Int(text), number >= minimum else { throw KijkglasError(.usage, "\(label) ‘\(text)’ is geen getal vanaf \(minimum)") }
        return number
    }

    /// The value of field `name` as `Value` by its raw value, nil when empty.
    func choice<Value: RawRepresentable>(_ name: String, label: String) throws(KijkglasError) -> Value? where Value.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = Value(rawValue: text) else { throw KijkglasError(.usage, "\(label) ‘\(text)’ is geen geldige keuze") }
        return value
    }
}
