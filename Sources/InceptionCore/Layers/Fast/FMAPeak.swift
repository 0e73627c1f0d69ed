/// The machine's single-precision FMA ceiling, measured the way the kernels use
/// the CPU: 12 independent chains of `SIMD8<Float>` fused multiply-adds per thread
/// (with `-target-cpu haswell` each is one `vfmadd` on a ymm register; 12 chains
/// keep two FMA units busy through a 4-cycle latency). `bench` divides every
/// achieved figure by it, so "how far from the hardware" is a measurement too.
public enum FMAPeak {
    /// Fused multiply-adds per loop iteration: 12 chains of 8 lanes.
    static let lanesPerIteration = 12 * 8

    /// GFLOP/s (2 per fused multiply-add) of `threads` threads running the loop at
    /// once: the median of `repeats` runs of `iterations` iterations each.
    public static func gflops(threads: Int, iterations: Int = 4_000_000, repeats: Int = 7) -> Double {
        var sinks = [Float](repeating: 0, count: threads)
        let seconds = sinks.withUnsafeMutableBufferPointer { sinks in
            Stopwatch.medianSeconds(repeats) {
                concurrentChunks(threads) { k in sinks[k] = fmaChains(iterations, start: Float(k)) }
            }
        }
        // Reading the sums keeps the optimiser from dropping the loop.
        precondition(sinks.allSatisfy(\.isFinite), "the FMA loop overflowed")
        return Double(threads * iterations * lanesPerIteration * 2) / seconds / 1e9
    }
}

/// 12 accumulators, each updated by one FMA per iteration; the product is close to
/// 1, so after millions of iterations the sums are still finite and exact enough.
@inline(never)
func fmaChains(_ iterations: Int, start: Float) -> Float {
    let x = SIMD8<Float>(repeating: 1.000_000_1), y = SIMD8<Float>(repeating: 0.999_999_9)
    var a0 = SIMD8<Float>(repeating: start), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3
    var a4 = a0 + 4, a5 = a0 + 5, a6 = a0 + 6, a7 = a0 + 7
    var a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
    for _ in 0..<iterations {
        a0.addProduct(x, y); a1.addProduct(x, y); a2.addProduct(x, y); a3.addProduct(x, y)
        a4.addProduct(x, y); a5.addProduct(x, y); a6.addProduct(x, y); a7.addProduct(x, y)
        a8.addProduct(x, y); a9.addProduct(x, y); a10.addProduct(x, y); a11.addProduct(x, y)
    }
    let sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11))
    return sum.sum()
}
