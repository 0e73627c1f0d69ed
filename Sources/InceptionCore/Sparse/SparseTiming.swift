import Dispatch

/// The four methods of the sparse demo timed for real on a `BlockSparseProblem`:
/// the median of several runs, and the time per useful multiply (a product with
/// a non-zero matrix entry). Dense hardware does every product at full speed, so
/// as the density inside the blocks grows, sparse storage stops paying off.
public struct SparseTiming: Sendable {
    /// One method's counts and time.
    public struct Row: Hashable, Sendable {
        public var method: SparseDemo.Method
        public var multiplies: Int
        public var usefulMultiplies: Int
        /// Median wall-clock seconds of one run.
        public var seconds: Double
        public var repeats: Int

        /// Nanoseconds per useful multiply (nil when there is none).
        public var nanosecondsPerUseful: Double? {
            usefulMultiplies == 0 ? nil : seconds * 1e9 / Double(usefulMultiplies)
        }
    }

    public let parameters: BlockSparseProblem.Parameters
    public let nonZeros: Int
    public let rows: [Row]

    /// Times every method `repeats` times (at least 1) and keeps the median.
    public init(problem: BlockSparseProblem, repeats: Int = 5) {
        let convolution = BlockSparseConvolution(problem)
        var out = [Float](repeating: 0, count: problem.outputSize * problem.outputSize)
        parameters = problem.parameters
        nonZeros = problem.nonZeros
        rows = SparseDemo.Method.allCases.map { method in
            let times = (0..<max(1, repeats)).map { _ in Stopwatch.seconds { convolution.run(method, into: &out) } }
            return Row(method: method, multiplies: convolution.multiplies(method),
                       usefulMultiplies: convolution.usefulMultiplies(method),
                       seconds: Stopwatch.median(times), repeats: max(1, repeats))
        }
    }

    /// The method with the least time per useful multiply.
    public var fastestPerUseful: SparseDemo.Method? {
        rows.filter { $0.nanosecondsPerUseful != nil }.min { $0.nanosecondsPerUseful! < $1.nanosecondsPerUseful! }?.method
    }

    public func table() -> Table {
        let p = parameters
        let cells: [[TableCell]] = rows.map { r in
            [.text(r.method.rawValue), .integer(r.multiplies), .integer(r.usefulMultiplies),
             .decimal(r.seconds * 1000, places: 3), r.nanosecondsPerUseful.map { .decimal($0, places: 2) } ?? .empty,
             .integer(r.repeats)]
        }
        return Table(title: "Sparse timing: \(p.size)x\(p.size) matrix, \(p.blocks) blocks of \(p.blockSide)x\(p.blockSide) at density \(NumberText.decimal(p.density, places: 2, grouped: false)), \(p.kernel)x\(p.kernel) kernel",
                     columns: ["method", "multiplies", "useful_multiplies", "median_ms", "ns_per_useful", "repeats"],
                     rows: cells,
                     notes: ["\(nonZeros) non-zeros; seed \(p.seed); a useful multiply has a non-zero matrix entry",
                             "blocks skips the windows that straddle a block's border, so it computes less than the others",
                             "wall-clock median of the runs; numbers depend on the machine and the build",
                             "again: " + TableRequest(kind: .timing, sparse: p, repeats: rows.first?.repeats ?? 1).commandLine()])
    }
}
