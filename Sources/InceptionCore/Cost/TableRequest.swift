/// Everything `inception-explorer table ...` (and a view's export) can ask for,
/// checked and turned into a `Table`. Names arrive as text so that every
/// misspelling becomes one `UserError` naming it.
public struct TableRequest: Sendable {
    /// The tables by name.
    public enum Kind: String, NamedChoice, Sendable {
        case costs, table1, heads, example, sparse, aux, timing, sweep

        public static let choiceKind = "table"
    }

    public var kind: Kind
    /// nil: the default (`tiny`, or `googlenet` for table1).
    public var preset: Preset?
    public var assignments: [String]
    public var convention: Convention
    public var unit: CostUnit
    public var wholeNaive: Bool
    /// nil: the preset's own head.
    public var head: HeadKind?
    public var example: WorkedExample
    /// `timing` and `sweep`: the random block-sparse matrix and the runs per method.
    public var sparse: BlockSparseProblem.Parameters
    public var repeats: Int

    public static let defaultRepeats = 5
    public static let repeatLimits = 1...100

    public init(kind: Kind, preset: Preset? = nil, assignments: [String] = [], convention: Convention = .paper,
                unit: CostUnit = .macs, wholeNaive: Bool = false, head: HeadKind? = nil,
                example: WorkedExample = .article, sparse: BlockSparseProblem.Parameters = .init(),
                repeats: Int = TableRequest.defaultRepeats) {
        self.kind = kind
        self.preset = preset
        self.assignments = assignments
        self.convention = convention
        self.unit = unit
        self.wholeNaive = wholeNaive
        self.head = head
        self.example = example
        self.sparse = sparse
        self.repeats = repeats
    }

    /// Parses the command line's text options; each unknown name is a `UserError`.
    public init(kind: String, preset: String?, assignments: [String], convention: String, unit: String,
                wholeNaive: Bool, head: String?, example: WorkedExample, sparse: String = "",
                repeats: Int = TableRequest.defaultRepeats) throws {
        guard Self.repeatLimits.contains(repeats) else {
            throw UserError("--repeats \(repeats): must be between \(Self.repeatLimits.lowerBound) and \(Self.repeatLimits.upperBound)")
        }
        self.init(kind: try Kind.named(kind), preset: try preset.map(Preset.named), assignments: assignments,
                  convention: try Convention.named(convention), unit: try CostUnit.named(unit),
                  wholeNaive: wholeNaive, head: try head.map(HeadKind.named), example: example,
                  sparse: try BlockSparseProblem.Parameters(parsing: sparse), repeats: repeats)
    }

    /// The network the request counts: the preset, its `--set` widths, its head.
    public func network() throws -> NetworkDescription {
        if kind == .table1, let preset, preset != .googlenet {
            throw UserError("table1 compares the googlenet preset with the paper; --preset \(preset.rawValue) does not apply")
        }
        let base = (preset ?? (kind == .table1 ? .googlenet : .tiny)).description
        let network = try base.applying(assignments: assignments)
        return head.map(network.withHead) ?? network
    }

    public func table() throws -> Table {
        // An option the table does not read is refused, not silently ignored.
        if !assignments.isEmpty, [.example, .sparse, .timing, .sweep].contains(kind) {
            throw UserError("table \(kind.rawValue) reads no network, so --set does not apply")
        }
        if sparse != BlockSparseProblem.Parameters(), ![.timing, .sweep].contains(kind) {
            throw UserError("--sparse applies to the timing and sweep tables, not \(kind.rawValue)")
        }
        switch kind {
        case .costs: return CostModel(try network()).costsTable(convention: convention, unit: unit, wholeNaive: wholeNaive)
        case .aux: return CostModel(try network()).auxTable(convention: convention, unit: unit)
        case .heads: return HeadsComparison(network: try network()).table(convention: convention, unit: unit)
        case .table1:
            // The printed figures are weights and multiply-adds: another count would flag every row.
            guard convention == .paper, unit == .macs else {
                throw UserError("table1 compares with the paper's own count: --convention \(convention.rawValue) --unit \(unit.rawValue) does not apply (use paper, macs)")
            }
            return Table1Comparison(network: try network()).table()
        case .example: return example.table()
        case .sparse: return SparseDemo.article.table()
        case .timing: return SparseTiming(problem: try BlockSparseProblem(sparse), repeats: repeats).table()
        case .sweep: return try SparseDensitySweep(parameters: sparse, repeats: repeats).table()
        }
    }
}

extension HeadKind: NamedChoice {
    public static let choiceKind = "head"
}
