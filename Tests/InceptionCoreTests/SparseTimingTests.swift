import Testing
@testable import InceptionCore

/// The timed block-sparse methods against a direct valid cross-correlation
/// written here (the oracle), and their multiply counts against formulas.
@Suite struct SparseTimingTests {
    // size 64, 2 blocks, k 3: segments of 32, blocks of side 16 at [0,0] and [32,32].
    let problem = try! BlockSparseProblem(.init(size: 64, blocks: 2, density: 0.4, kernel: 3, seed: 7))

    /// out[r][c] = sum over a, b of m[r+a][c+b] * w[a][b], for r, c in 0..<n-k+1.
    func reference(_ p: BlockSparseProblem) -> [Float] {
        let n = p.size, k = p.k, out = p.outputSize
        var result = [Float](repeating: 0, count: out * out)
        for r in 0..<out {
            for c in 0..<out {
                for a in 0..<k {
                    for b in 0..<k { result[r * out + c] += p.matrix[(r + a) * n + c + b] * p.kernel[a * k + b] }
                }
            }
        }
        return result
    }

    @Test func problemShape() {
        #expect(problem.blocks == [SparseDemo.Block(row: 0, column: 0, rows: 16, columns: 16),
                                   SparseDemo.Block(row: 32, column: 32, rows: 16, columns: 16)])
        let n = 64
        for i in 0..<n {
            for j in 0..<n where problem.matrix[i * n + j] != 0 {
                #expect(problem.blocks.contains { $0.contains(i, j) })
            }
        }
        // 512 block entries at density 0.4: about 205; far from 0 and 512.
        #expect(problem.nonZeros > 150 && problem.nonZeros < 260)
    }

    @Test func denseSparseAndPaddedAgreeWithTheReference() {
        let want = reference(problem)
        let convolution = BlockSparseConvolution(problem)
        for method in [SparseDemo.Method.dense, .sparse, .padded] {
            let got = convolution.output(method)
            #expect(zip(got, want).allSatisfy { abs($0 - $1) <= 1e-4 }, "\(method)")
        }
    }

    @Test func blocksAgreesWhereItComputesAndIsZeroElsewhere() {
        let want = reference(problem)
        let convolution = BlockSparseConvolution(problem)
        let got = convolution.output(.blocks)
        let out = problem.outputSize
        var computed = 0
        for r in 0..<out {
            for c in 0..<out {
                if convolution.blocksComputes(r, c) {
                    computed += 1
                    #expect(abs(got[r * out + c] - want[r * out + c]) <= 1e-4)
                } else {
                    #expect(got[r * out + c] == 0)
                }
            }
        }
        #expect(computed == 2 * 14 * 14)
    }

    // dense: 62^2 * 9. blocks: two blocks of 16, (16 - 3 + 1)^2 windows each.
    // padded: block at 0 touches window starts 0...15 (16), block at 32 starts
    // 30...47 (18): (16^2 + 18^2) * 9. useful: counted window by window here.
    @Test func multiplyCounts() {
        let convolution = BlockSparseConvolution(problem)
        #expect(convolution.multiplies(.dense) == 62 * 62 * 9)
        #expect(convolution.multiplies(.blocks) == 2 * 14 * 14 * 9)
        #expect(convolution.multiplies(.padded) == (16 * 16 + 18 * 18) * 9)
        let n = 64, out = 62
        var useful = 0, usefulInBlocks = 0
        for r in 0..<out {
            for c in 0..<out {
                for a in 0..<3 {
                    for b in 0..<3 where problem.matrix[(r + a) * n + c + b] != 0 {
                        useful += 1
                        if convolution.blocksComputes(r, c) { usefulInBlocks += 1 }
                    }
                }
            }
        }
        #expect(convolution.multiplies(.sparse) == useful)
        #expect(convolution.usefulMultiplies(.dense) == useful)
        #expect(convolution.usefulMultiplies(.padded) == useful)
        #expect(convolution.usefulMultiplies(.blocks) == usefulInBlocks)
    }

    @Test func badParametersAreUserErrors() {
        #expect(throws: UserError.self) { try BlockSparseProblem(.init(size: 32)) }
        #expect(throws: UserError.self) { try BlockSparseProblem(.init(size: 2048)) }
        #expect(throws: UserError.self) { try BlockSparseProblem(.init(size: 64, blocks: 11, kernel: 3)) }
        #expect(throws: UserError.self) { try BlockSparseProblem(.init(density: 0)) }
        #expect(throws: UserError.self) { try BlockSparseProblem(.init(kernel: 9)) }
    }

    @Test func medianAndTimingRows() {
        #expect(Stopwatch.median([3, 1, 2]) == 2)
        #expect(Stopwatch.median([4, 1, 3, 2]) == 2.5)
        #expect(Stopwatch.median([]) == 0)
        let timing = SparseTiming(problem: problem, repeats: 3)
        #expect(timing.rows.map(\.method) == SparseDemo.Method.allCases)
        #expect(timing.rows.allSatisfy { $0.seconds > 0 && $0.repeats == 3 })
        #expect(timing.rows[0].multiplies == 62 * 62 * 9)
        #expect(timing.table().rows.count == 4)
    }
}

@Suite struct BlockSparseParametersTests {
    @Test func parsesKeysInAnyOrderAndKeepsTheRest() throws {
        let p = try BlockSparseProblem.Parameters(parsing: "k=5  size=512 density=0.25")
        #expect(p == BlockSparseProblem.Parameters(size: 512, blocks: 4, density: 0.25, kernel: 5, seed: 1))
        #expect(p.text == "size=512 blocks=4 density=0.25 k=5")
        #expect(try BlockSparseProblem.Parameters(parsing: p.text) == p)
        #expect(throws: UserError.self) { try BlockSparseProblem.Parameters(parsing: "size=big") }
        #expect(throws: UserError.self) { try BlockSparseProblem.Parameters(parsing: "width=3") }
        #expect(throws: UserError.self) { try BlockSparseProblem.Parameters(parsing: "size") }
    }
}

@Suite struct SparseDensitySweepTests {
    // size 64, 2 blocks of 16: 512 block entries; density 1 fills every one.
    @Test func oneTimingPerDensity() throws {
        let sweep = try SparseDensitySweep(parameters: .init(size: 64, blocks: 2, kernel: 3), densities: [0.25, 1], repeats: 1)
        #expect(sweep.timings.map(\.parameters.density) == [0.25, 1])
        #expect(sweep.timings[1].nonZeros == 512)
        #expect(sweep.table().rows.count == 2)
        #expect(throws: UserError.self) { try SparseDensitySweep(parameters: .init(size: 64, blocks: 2), densities: [0], repeats: 1) }
    }
}

@Suite struct TimingTableRequestTests {
    // size 64, k 3: dense 62 * 62 * 9 = 34,596 multiplies; blocks of side 16.
    @Test func timingAndSweepFromTheCommandLineOptions() throws {
        let request = try TableRequest(kind: "timing", preset: nil, assignments: [], convention: "paper", unit: "macs",
                                       wholeNaive: false, head: nil, example: .article, sparse: "size=64 blocks=2", repeats: 1)
        let table = try request.table()
        #expect(table.row(named: "dense")?[1] == .integer(34_596))
        #expect(table.notes.last == "again: inception-explorer table timing --sparse 'size=64 blocks=2 density=0.50 k=3' --repeats 1")
        #expect(request.commandLine(format: .csv)
            == "inception-explorer table timing --sparse 'size=64 blocks=2 density=0.50 k=3' --repeats 1 --format csv")
        #expect(TableRequest(kind: .sweep).commandLine() == "inception-explorer table sweep")
        #expect(throws: UserError.self) {
            try TableRequest(kind: "timing", preset: nil, assignments: [], convention: "paper", unit: "macs",
                             wholeNaive: false, head: nil, example: .article, repeats: 0)
        }
        #expect(throws: UserError.self) {
            try TableRequest(kind: "sweep", preset: nil, assignments: [], convention: "paper", unit: "macs",
                             wholeNaive: false, head: nil, example: .article, sparse: "size=10").table()
        }
    }
}
