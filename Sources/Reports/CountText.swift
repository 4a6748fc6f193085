import Ledger

/// The text `count` prints.
public enum CountText {
    /// `On 2022-02-01: 312 pupils` then one line per group when broken down.
    public static func render(_ count: PupilCount) -> String {
        var lines = ["On \(count.day.iso): \(count.total) pupils"]
        if !count.groups.isEmpty {
            lines.append(
                TextTable(header: ["group", "pupils"], rows: count.groups.map { [$0.label, String($0.count)] }, rightAligned: [1])
                    .render())
        }
        return lines.joined(separator: "\n")
    }
}
