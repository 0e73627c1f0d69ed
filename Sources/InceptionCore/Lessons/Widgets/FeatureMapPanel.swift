/// Feature maps computed by the real network, in groups that share one scale (one
/// group per branch of a module): what `branch-maps` shows as heatmaps.
public struct FeatureMapPanel: Hashable, Sendable {
    public var title: String
    public var groups: [Group]
    /// Sentences under the maps (scale, which channels are shown, untrained note).
    public var notes: [String]

    /// One h x w map with a label (`ch 3`).
    public struct Map: Hashable, Sendable {
        public var label: String
        public var rows: Int
        public var columns: Int
        /// (rows, columns), row-major.
        public var values: [Float]

        public init(label: String, rows: Int, columns: Int, values: [Float]) {
            precondition(values.count == rows * columns, "values must be rows x columns")
            self.label = label
            self.rows = rows
            self.columns = columns
            self.values = values
        }

        /// The map shrunk by `factor` per axis (`AreaAverage`).
        public func averaged(by factor: Int) -> Map {
            let shrunk = AreaAverage.shrink(values, rows: rows, columns: columns, factor: factor)
            return Map(label: label, rows: shrunk.rows, columns: shrunk.columns, values: shrunk.values)
        }
    }

    /// Maps drawn on the same `low...high` scale.
    public struct Group: Hashable, Sendable {
        public var title: String
        public var maps: [Map]
        public var low: Float
        public var high: Float

        public init(title: String, maps: [Map], low: Float, high: Float) {
            self.title = title
            self.maps = maps
            self.low = low
            self.high = high
        }
    }

    public init(title: String, groups: [Group], notes: [String]) {
        self.title = title
        self.groups = groups
        self.notes = notes
    }

    /// Maps taller than this are averaged down in plain text.
    public static let textMaxRows = 16

    /// Each group's title, then its maps side by side as ASCII art (each under its
    /// label, two spaces apart, as many per line as fit `width`), then the notes.
    public func textLines(width: Int) -> [String] {
        var lines = TextWrap.wrap(title, width: width)
        for group in groups {
            lines += TextWrap.wrap(group.title, width: width)
            let maps = group.maps.map { $0.averaged(by: ($0.rows + Self.textMaxRows - 1) / Self.textMaxRows) }
            guard let cell = maps.map(\.columns).max() else { continue }
            let perLine = max(1, (width + 2) / (cell + 2))
            for start in stride(from: 0, to: maps.count, by: perLine) {
                let row = maps[start..<min(maps.count, start + perLine)]
                let pad = { (s: String) in String(s.prefix(cell)).padding(toLength: cell, withPad: " ", startingAt: 0) }
                lines.append(TextTable.trimmingTrailingBlanks(row.map { pad($0.label) }.joined(separator: "  ")))
                for y in 0..<(row.map(\.rows).max() ?? 0) {
                    let text = row.map { map in
                        pad(y < map.rows ? String((0..<map.columns).map {
                            ASCIIHeatmap.character(map.values[y * map.columns + $0], low: group.low, high: group.high)
                        }) : "")
                    }.joined(separator: "  ")
                    lines.append(TextTable.trimmingTrailingBlanks(text))
                }
            }
        }
        return lines + notes.flatMap { TextWrap.wrap($0, width: width) }
    }
}
