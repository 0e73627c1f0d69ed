import ArgumentParser
import Foundation
import InceptionCore
import InceptionUI

/// `inception-explorer bench`: speed of the tiny network and of the explorer's frames.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the tiny network (forward, training), torchvision's GoogLeNet (forward) and a 200x60 frame; medians after warm-up.",
        discussion: """
            Meaningful in a release build (swift build -c release). Compare with PyTorch on the same machine \
            in the same minute: python torch_tiny_inception.py bench (same keys, same workloads), and \
            googlenet_reference.py bench for googlenet_forward_batch1_ms (224x224, formula weights). Each network \
            figure is also given in GFLOP/s and as a share of the machine's FMA peak, measured first on 1 thread \
            and on every core; --layers prints where one training step's time goes instead.
            """
    )

    @Option(help: "Repeats for batch 64 and training (ten times as many for batch 1 and the step).")
    var repeats = 30

    @Option(help: "text or json.")
    var format = "text"

    @Flag(help: "Break one training step at batch 32 down by convolution, copies (im2col, padding), update and the rest (one thread).")
    var layers = false

    func run() throws {
        let format = try TableFormat.named(format)
        guard format == .text || format == .json else { throw UserError("bench prints text or json, not \(format.rawValue)") }
        guard (1...10_000).contains(repeats) else { throw UserError("--repeats must be between 1 and 10000, not \(repeats)") }
        #if DEBUG
        FileHandle.standardError.write(Data("inception-explorer: warning: a debug build; bench figures mean little (swift build -c release)\n".utf8))
        #endif
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let peak1 = FMAPeak.gflops(threads: 1), peakAll = FMAPeak.gflops(threads: threads)
        if layers {
            let breakdown = try StepBreakdown.measure(Preset.tiny.description, repeats: repeats, peakGflops: peak1)
            print(breakdown.table.rendered(as: format), terminator: "")
            return
        }
        let model = try ModelBench.measure(Preset.tiny.description, repeats: repeats)
        // The Network view at 200x60: one Inception step computed and drawn, then frames of the module alone.
        let network = NetworkBenchmark.shipped(width: 200, height: 60)
        let stepMs = ModelBench.medianMilliseconds(repeats * 10) { _ = network.inceptionStep() }
        let frame = network.afterStep()
        let renderMs = ModelBench.medianMilliseconds(repeats * 10) { _ = frame.renderFrame() }
        let googlenetMs = try GoogLeNetBench.forwardBatch1Milliseconds(repeats: max(3, repeats / 3))
        let googlenetFlops = 2 * Double(CostModel(Preset.torchvision.description).totals().reduced.multiplyAdds)
        // (key, value, places, unit, achieved GFLOP/s where the figure is a network's).
        let figures: [(String, Double, Int, String, Double?)] = [
            ("fma_peak_1thread_gflops", peak1, 1, "GFLOP/s", nil),
            ("fma_peak_\(threads)threads_gflops", peakAll, 1, "GFLOP/s", nil),
            ("forward_batch1_ms", model.forwardBatch1Milliseconds, 4, "ms", model.forwardBatch1Gflops),
            ("forward_batch64_images_per_s", model.forwardBatch64ImagesPerSecond, 1, "images/s", model.forwardBatch64Gflops),
            ("train_batch32_images_per_s", model.trainBatch32ImagesPerSecond, 1, "images/s", model.trainBatch32Gflops),
            ("network_step_ms", stepMs, 4, "ms", nil),
            ("render_frame_200x60_ms", renderMs, 4, "ms", nil),
            ("googlenet_forward_batch1_ms", googlenetMs, 3, "ms", googlenetFlops / googlenetMs / 1e6),
        ]
        let share = { (gflops: Double) in 100 * gflops / peakAll }
        let table = Table(
            title: "Benchmark: tiny preset (and torchvision's GoogLeNet), \(threads) cores, medians after warm-up",
            columns: ["measure", "value", "unit", "GFLOP/s", "% of peak"],
            rows: figures.map { key, value, places, unit, gflops in
                [.text(key), .decimal(value, places: places), .text(unit),
                 gflops.map { .decimal($0, places: 1) } ?? .empty, gflops.map { .decimal(share($0), places: 1) } ?? .empty]
            },
            notes: ["GFLOP/s: 2 per multiply-add of the main network's convolutions and linear layers "
                + "(tiny \(Int(model.forwardFlopsPerImage / 2)), GoogLeNet \(Int(googlenetFlops / 2)) per image), "
                + "3 passes per training image; "
                + "peak: the FMA loop on all \(threads) cores."],
            customJSON: .object([("preset", .string("tiny")), ("threads", .integer(threads))]
                + figures.map { ($0.0, .decimal($0.1, places: $0.2)) }
                + figures.compactMap { f in f.4.map { (f.0 + "_gflops", .decimal($0, places: 2)) } }
                + figures.compactMap { f in f.4.map { (f.0 + "_peak_share", .decimal(share($0) / 100, places: 4)) } }))
        print(table.rendered(as: format), terminator: "")
    }
}
