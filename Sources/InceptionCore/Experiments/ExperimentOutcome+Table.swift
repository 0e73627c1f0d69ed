extension ExperimentOutcome {
    /// The table: one row per variant and seed, then a `mean` and an `sd` row per
    /// variant measured more than once; the conclusion and provenance as notes. Its JSON is
    /// `{experiment, title, rows, summary, conclusion, notes, computed}` with one
    /// object per variant and seed in `rows`.
    public var table: Table { table(withSummaryNotes: true) }

    /// The table; without summary notes it leaves the conclusion and provenance to
    /// the caller (the lesson widget prints its own).
    public func table(withSummaryNotes: Bool) -> Table {
        let f = findings, (columns, rows, variantColumn) = (f.columns, f.rows, f.variantColumn)
        let header = [variantColumn, "seed"] + columns.map(\.name)
        var cells: [[TableCell]] = rows.map { row in
            [variantCell(row.variant), .integer(row.seed)] + zip(columns, row.values).map { Self.cell($1, $0.places) }
        }
        // A variant measured once (one seed, or a deterministic experiment) has no spread to show.
        for summary in summaries where rows.filter({ $0.variant == summary.variant }).count > 1 {
            for (label, stats) in [("mean", summary.stats.map { $0?.mean }), ("sd", summary.stats.map { $0?.sd })] {
                cells.append([variantCell(summary.variant), .text(label)] + zip(columns, stats).map { Self.cell($1, $0.places + 1) })
            }
        }
        return Table(title: f.title, columns: header, rows: cells,
                     notes: withSummaryNotes ? ["conclusion: " + f.conclusion] + f.notes + [provenance.summary(experiment)] : f.notes,
                     customJSON: json)
    }

    /// Per variant, the statistics of every column over its seeds (nil where no seed has a value).
    public var summaries: [(variant: String, stats: [SeedStatistics?])] {
        findings.variants.map { variant in
            (variant, findings.columns.map { column in
                let values = findings.values(column.name, variant: variant)
                return values.isEmpty ? nil : SeedStatistics(values)
            })
        }
    }

    private var json: JSONValue {
        let f = findings, (columns, variantColumn) = (f.columns, f.variantColumn)
        let rowObjects = f.rows.map { row in
            JSONValue.object([(variantColumn, variantJSON(row.variant)), ("seed", .integer(row.seed))]
                             + zip(columns, row.values).map { ($0.name, Self.json($1, $0.places)) }
                             + (columns.contains { $0.name == "accuracy" } ? [] : [("accuracy", .null)]))
        }
        let summaryObjects = summaries.map { summary in
            JSONValue.object([(variantColumn, variantJSON(summary.variant)), ("seeds", .integer(provenance.seeds))]
                             + zip(columns, summary.stats).map { column, stats in
                                 (column.name, stats.map { JSONValue.object([("mean", Self.json($0.mean, column.places + 1)),
                                                                             ("sd", Self.json($0.sd, column.places + 1))]) } ?? .null)
                             })
        }
        let p = provenance
        return .object([
            ("experiment", .string(experiment.rawValue)),
            ("title", .string(f.title)),
            ("rows", .array(rowObjects)),
            ("summary", .array(summaryObjects)),
            ("conclusion", .string(f.conclusion)),
            ("notes", .array(f.notes.map(JSONValue.string))),
            ("computed", .object([
                ("at", .string(p.computedAt)), ("seconds", .decimal(p.seconds, places: 1)),
                ("seeds", .integer(p.seeds)), ("budget", .string(p.budget)), ("test_images", .integer(p.testImages)),
                ("version", .integer(p.version)), ("network", .string(p.networkHash)),
            ])),
        ])
    }

    private func variantCell(_ variant: String) -> TableCell {
        Int(variant).map(TableCell.integer) ?? .text(variant)
    }

    private func variantJSON(_ variant: String) -> JSONValue {
        if let n = Int(variant) { return .integer(n) }
        if let x = Double(variant) { return .decimal(x, places: 2) }
        return .string(variant)
    }

    private static func cell(_ value: Double?, _ places: Int) -> TableCell {
        guard let value else { return .empty }
        return places == 0 && value.rounded() == value && abs(value) < 1e15 ? .integer(Int(value)) : .decimal(value, places: max(places, 1))
    }

    private static func json(_ value: Double?, _ places: Int) -> JSONValue {
        cell(value, places).json
    }
}
