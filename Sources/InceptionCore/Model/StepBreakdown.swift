/// Where the time of one training step goes (`bench --layers`): every convolution's
/// forward and backward pass, with the part of each spent copying im2col columns,
/// the Adam update, and the rest of the step (pooling, ReLU, concatenation, the
/// linear layers, dropout, the loss, summing the parts' gradients) as what is left.
/// Everything is timed on one thread so the parts add up to the step; the step on
/// every core is given beside it, so threading's own gain is a figure too.
public struct StepBreakdown: Sendable {
    public var batch: Int
    public var convolutions: [KernelBench.Measurement]
    /// Adam's update of every parameter (the standard budget's rule).
    public var updateSeconds: Double
    /// One whole training step (forward, backward, update) on one thread.
    public var stepSeconds: Double
    /// The same step on `threads` threads.
    public var parallelStepSeconds: Double
    public var threads: Int
    /// The one-thread FMA ceiling the GFLOP/s are compared with.
    public var peakGflops: Double

    /// Times `description` at batch `batch` with the standard budget's Adam; each
    /// figure is a median of `repeats` runs after warm-up.
    public static func measure(_ description: NetworkDescription, batch: Int = 32, repeats: Int = 10,
                               peakGflops: Double) throws -> StepBreakdown {
        var rng = SeededGenerator(seed: 3)
        let s = description.input
        let x = Tensor(shape: [batch, s.c, s.h, s.w], data: (0..<batch * s.count).map { _ in rng.nextUnit() })
        let labels = (0..<batch).map { Int32($0 % description.classes) }
        let network = try InceptionNetwork(description, seed: 1)
        let budget = TrainingBudget.standard
        var trainer = Trainer(network: network, optimizer: budget.makeOptimizer(), auxWeight: budget.auxWeight, seed: 2)
        trainer.threads = 1
        let step = Stopwatch.medianSeconds(repeats) { _ = trainer.trainingStep(x, labels: labels) }
        trainer.threads = BatchSplit.automaticThreads
        let parallel = Stopwatch.medianSeconds(repeats) { _ = trainer.trainingStep(x, labels: labels) }
        var parameters = network.parameters
        var gradients = parameters.zeros()
        for i in gradients.values.indices { gradients.values[i] = rng.nextUnit() - 0.5 }
        var optimizer = budget.makeOptimizer()
        let update = Stopwatch.medianSeconds(repeats) { optimizer.step(&parameters, grads: gradients) }
        return StepBreakdown(batch: batch, convolutions: KernelBench.run(description, batch: batch, repeats: repeats),
                             updateSeconds: update, stepSeconds: step, parallelStepSeconds: parallel,
                             threads: BatchSplit.automaticThreads, peakGflops: peakGflops)
    }

    /// Seconds of the step outside the convolutions and the update.
    public var otherSeconds: Double {
        stepSeconds - convolutions.reduce(0) { $0 + $1.forwardSeconds + $1.backwardSeconds } - updateSeconds
    }

    /// One row per convolution, then the step's parts and the step itself.
    public var table: Table {
        let step = stepSeconds
        let ms: (Double?) -> TableCell = { $0.map { .decimal($0 * 1e3, places: 3) } ?? .empty }
        // `copies` is the part of `seconds` spent copying inputs (im2col, padding); GFLOP/s are of the matrix products alone.
        func row(_ part: String, forward: Double? = nil, backward: Double? = nil, copies: Double? = nil,
                 seconds: Double, flops: Double? = nil) -> [TableCell] {
            let gflops = flops.map { $0 / max(seconds - (copies ?? 0), 1e-12) / 1e9 }
            return [.text(part), ms(forward), ms(backward), ms(copies), ms(seconds),
                    gflops.map { .decimal($0, places: 1) } ?? .empty,
                    gflops.map { .decimal(100 * $0 / peakGflops, places: 1) } ?? .empty,
                    .decimal(100 * seconds / step, places: 1)]
        }
        var rows = convolutions.map {
            row($0.name, forward: $0.forwardSeconds, backward: $0.backwardSeconds,
                copies: $0.forwardCopySeconds + $0.backwardCopySeconds,
                seconds: $0.forwardSeconds + $0.backwardSeconds, flops: $0.forwardFlops + $0.backwardFlops)
        }
        let sum = { (f: (KernelBench.Measurement) -> Double) in convolutions.reduce(0) { $0 + f($1) } }
        let forwardCopies = sum(\.forwardCopySeconds), backwardCopies = sum(\.backwardCopySeconds)
        let forwardGemm = sum(\.forwardSeconds) - forwardCopies, backwardGemm = sum(\.backwardSeconds) - backwardCopies
        rows += [
            row("convolution GEMMs", forward: forwardGemm, backward: backwardGemm, seconds: forwardGemm + backwardGemm,
                flops: sum(\.forwardFlops) + sum(\.backwardFlops)),
            row("im2col, col2im, padding", forward: forwardCopies, backward: backwardCopies,
                seconds: forwardCopies + backwardCopies),
            row("Adam update", seconds: updateSeconds),
            row("everything else", seconds: otherSeconds),
            row("training step, 1 thread", seconds: step),
        ]
        let speedup = step / parallelStepSeconds
        return Table(
            title: "One training step at batch \(batch), one thread: where the time goes",
            columns: ["part", "forward ms", "backward ms", "copies ms", "total ms", "GFLOP/s", "% of peak", "% of step"],
            rows: rows,
            notes: [
                "GFLOP/s: 2 per multiply-add of the matrix products over their time without the copies (im2col, col2im, or the padded images of windows read in place); peak: "
                    + "\(String(format: "%.1f", peakGflops)) GFLOP/s on one thread (FMA loop).",
                "\"everything else\" is the step less the convolutions and the update: pooling, ReLU, concatenation, "
                    + "linear layers, dropout, loss, summing the parts' gradients.",
                "The same step on \(threads) threads: \(String(format: "%.3f", parallelStepSeconds * 1e3)) ms "
                    + "(\(String(format: "%.2f", speedup))x the one-thread step).",
            ])
    }
}
