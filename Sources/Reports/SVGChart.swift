/// Inline SVG charts for the HTML reports: self-contained markup (no scripts, fonts or
/// external references) that reads on screen and in print, with a title and axis labels.
public enum SVGChart {
    /// One line of a line chart.
    public struct Series: Sendable {
        /// The legend text.
        public var label: String
        /// One value per x position; nil leaves a gap.
        public var values: [Int?]
        /// Stroke colour (a CSS colour).
        public var color: String
        /// Stroke dash pattern, so lines stay apart in black-and-white print; empty for solid.
        public var dash: String

        /// A series from its parts.
        public init(label: String, values: [Int?], color: String, dash: String = "") {
            self.label = label
            self.values = values
            self.color = color
            self.dash = dash
        }
    }

    /// Colours and dash patterns for the first series, distinct in colour and in grey.
    public static let palette: [(color: String, dash: String)] = [
        ("#1f4e79", ""), ("#c55a11", "8 4"), ("#548235", "2 3"), ("#7030a0", "10 3 2 3"), ("#7f7f7f", "4 4"),
        ("#bf9000", "1 2"), ("#2e75b6", "12 4"), ("#a50021", "6 2 1 2"),
    ]

    /// Dash patterns for the series after the palette's; their number shares no factor with the
    /// palette's, so colour and dash never repeat together.
    private static let laterDashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 4", "6 2 1 2", "14 3 3 3"]

    /// The colour and dash of the series at `index`, distinct from every other index's: the
    /// palette for the first eight, then hues a golden angle apart (never one already used),
    /// alternately darker and lighter, each with a dash pattern.
    public static func style(at index: Int) -> (color: String, dash: String) {
        if palette.indices.contains(index) { return palette[index] }
        let later = index - palette.count
        let hue = (Double(later) * 137.508 + 20).truncatingRemainder(dividingBy: 360)
        let lightness = later % 2 == 0 ? 32 : 46
        return ("hsl(\(format(hue)), 70%, \(lightness)%)", laterDashes[later % laterDashes.count])
    }

    private static let width = 960
    private static let height = 380
    private static let left = 70
    private static let right = 20
    private static let top = 40
    private static let bottom = 90

    /// A line chart of `series` over `xLabels`, titled `title`, the y axis labelled `yLabel`;
    /// the axis starts at zero unless `fromZero` is false (to show small revisions).
    public static func lines(title: String, yLabel: String, xLabels: [String], series: [Series], fromZero: Bool = true) -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = Scale(values: values, fromZero: fromZero)
        let plotWidth = Double(width - left - right)
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { xLabels.count > 1 ? Double(left) + step * Double(index) : Double(left) + plotWidth / 2 }
        var out = open(title: title, yLabel: yLabel, scale: scale, legendHeight: legendHeight(series.map(\.label)))
        out += xAxis(labels: xLabels, x: x)
        for item in series {
            var segments: [[(Double, Double)]] = [[]]
            for (index, value) in item.values.enumerated() {
                if let value {
                    segments[segments.count - 1].append((x(index), scale.y(value, top: top, bottom: height - bottom)))
                } else if !(segments.last?.isEmpty ?? true) {
                    segments.append([])
                }
            }
            let dash = item.dash.isEmpty ? "" : " stroke-dasharray=\"\(item.dash)\""
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
                out += "<polyline fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2.5\"\(dash) points=\"\(points)\"/>\n"
            }
            for segment in segments {
                for (px, py) in segment {
                    out += "<circle cx=\"\(format(px))\" cy=\"\(format(py))\" r=\"3.5\" fill=\"\(item.color)\"/>\n"
                }
            }
        }
        out += legend(series.map { ($0.label, $0.color, $0.dash) })
        return out + "</svg>"
    }

    /// A bar chart of `values` per `labels`; bars at `highlighted` indices are drawn in the
    /// warning colour.
    public static func bars(title: String, yLabel: String, labels: [String], values: [Int], highlighted: Set<Int> = []) -> String {
        let scale = Scale(values: values, fromZero: true)
        let plotWidth = Double(width - left - right)
        let slot = labels.isEmpty ? plotWidth : plotWidth / Double(labels.count)
        func x(_ index: Int) -> Double { Double(left) + slot * (Double(index) + 0.5) }
        var out = open(title: title, yLabel: yLabel, scale: scale, legendHeight: 0)
        out += xAxis(labels: labels, x: x)
        let zero = scale.y(0, top: top, bottom: height - bottom)
        for (index, value) in values.enumerated() {
            let y = scale.y(value, top: top, bottom: height - bottom)
            let barWidth = min(60, slot * 0.6)
            let color = highlighted.contains(index) ? "#a50021" : "#1f4e79"
            out += "<rect x=\"\(format(x(index) - barWidth / 2))\" y=\"\(format(min(y, zero)))\" width=\"\(format(barWidth))\" "
                + "height=\"\(format(max(abs(zero - y), 0.5)))\" fill=\"\(color)\"><title>\(HTMLText.escape(labels[index])): \(value)</title></rect>\n"
            out += "<text x=\"\(format(x(index)))\" y=\"\(format(min(y, zero) - 6))\" text-anchor=\"middle\" class=\"value\">\(DutchFormat.number(value))</text>\n"
        }
        return out + "</svg>"
    }

    /// The y axis's range and ticks.
    private struct Scale {
        let low: Int
        let high: Int
        let step: Int

        init(values: [Int], fromZero: Bool) {
            let smallest = values.min() ?? 0
            let low = fromZero ? min(0, smallest) : smallest
            let high = max(low + 1, values.max() ?? 1)
            let rough = Double(high - low) / 5
            let magnitude = pow10(Int(rough.rounded(.down)))
            let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= rough } ?? 10 * magnitude
            self.step = max(1, step)
            self.low = Int((Double(low) / Double(self.step)).rounded(.down)) * self.step
            self.high = Int((Double(high) / Double(self.step)).rounded(.up)) * self.step
        }

        func y(_ value: Int, top: Int, bottom: Int) -> Double {
            let span = Double(max(1, high - low))
            return Double(bottom) - Double(value - low) / span * Double(bottom - top)
        }

        var ticks: [Int] { Array(stride(from: low, through: high, by: step)) }
    }

    private static func pow10(_ value: Int) -> Int {
        var result = 1
        while result * 10 <= max(1, value) { result *= 10 }
        return result
    }

    /// Legend entries per row: four short labels, three long ones.
    private static func legendColumns(_ labels: [String]) -> Int { labels.contains { $0.count > 18 } ? 3 : 4 }

    private static func legendHeight(_ labels: [String]) -> Int {
        labels.isEmpty ? 0 : 24 * ((labels.count + legendColumns(labels) - 1) / legendColumns(labels))
    }

    private static func open(title: String, yLabel: String, scale: Scale, legendHeight: Int) -> String {
        let total = height + legendHeight
        var out = "<svg viewBox=\"0 0 \(width) \(total)\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(total)\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(left)\" y=\"22\" class=\"chart-title\">\(HTMLText.escape(title))</text>\n"
        for tick in scale.ticks {
            let y = format(scale.y(tick, top: top, bottom: height - bottom))
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(left - 8)\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\" class=\"tick\">\(DutchFormat.number(tick))</text>\n"
        }
        let middle = top + (height - bottom - top) / 2
        out += "<text x=\"16\" y=\"\(middle)\" transform=\"rotate(-90 16 \(middle))\" text-anchor=\"middle\" class=\"axis\">\(HTMLText.escape(yLabel))</text>\n"
        out += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#404040\" stroke-width=\"1\"/>\n"
        return out
    }

    private static func xAxis(labels: [String], x: (Int) -> Double) -> String {
        let every = max(1, (labels.count + 15) / 16)
        var out = ""
        for (index, label) in labels.enumerated() where index % every == 0 {
            let px = format(x(index))
            let y = height - bottom + 14
            out += "<text x=\"\(px)\" y=\"\(y)\" transform=\"rotate(-40 \(px) \(y))\" text-anchor=\"end\" class=\"tick\">\(HTMLText.escape(label))</text>\n"
        }
        return out
    }

    private static func legend(_ items: [(label: String, color: String, dash: String)]) -> String {
        var out = ""
        let columns = legendColumns(items.map(\.label))
        let spacing = (width - left - right) / columns
        for (index, item) in items.enumerated() {
            let x = left + (index % columns) * spacing
            let y = height + 24 * (index / columns)
            let dash = item.dash.isEmpty ? "" : " stroke-dasharray=\"\(item.dash)\""
            out += "<line x1=\"\(x)\" y1=\"\(y - 4)\" x2=\"\(x + 34)\" y2=\"\(y - 4)\" stroke=\"\(item.color)\" stroke-width=\"3\"\(dash)/>\n"
            out += "<text x=\"\(x + 42)\" y=\"\(y)\" class=\"legend\">\(HTMLText.escape(item.label))</text>\n"
        }
        return out
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
