/// `SparseTiming` repeated at several densities inside the blocks, everything
/// else fixed: where the time per useful multiply of CSR overtakes the dense
/// methods is where sparse storage stops paying off on this machine.
public struct SparseDensitySweep: Sendable {
    public static let densities = [0.05, 0.1, 0.25, 0.5, 1.0]

    public let timings: [SparseTiming]

    public init(parameters: BlockSparseProblem.Parameters, densities: [Double] = Self.densities, repeats: Int = 3) throws {
        timings = try densities.map { density in
            var p = parameters
            p.density = density
            return SparseTiming(problem: try BlockSparseProblem(p), repeats: repeats)
        }
    }

    public func table() -> Table {
        let methods = SparseDemo.Method.allCases
        let rows: [[TableCell]] = timings.map { t in
            [.decimal(t.parameters.density, places: 2), .integer(t.nonZeros)]
                + t.rows.map { $0.nanosecondsPerUseful.map { .decimal($0, places: 2) } ?? .empty }
                + [t.fastestPerUseful.map { .text($0.rawValue) } ?? .empty]
        }
        let p = timings.first?.parameters
        return Table(title: "Density sweep: ns per useful multiply" + (p.map { ", \($0.size)x\($0.size), \($0.blocks) blocks, \($0.kernel)x\($0.kernel) kernel" } ?? ""),
                     columns: ["density", "non_zeros"] + methods.map { $0.rawValue + "_ns_per_useful" } + ["fastest"],
                     rows: rows,
                     notes: ["density inside the blocks; wall-clock medians, so the numbers depend on the machine and the build"])
    }
}
