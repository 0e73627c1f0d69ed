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
            googlenet_reference.py bench for googlenet_forward_batch1_ms (224x224, formula weights).
            """
    )

    @Option(help: "Repeats for batch 64 and training (ten times as many for batch 1 and the step).")
    var repeats = 30

    @Option(help: "text or json.")
    var format = "text"

    func run() throws {
        let format = try TableFormat.named(format)
        guard format == .text || format == .json else { throw UserError("bench prints text or json, not \(format.rawValue)") }
        guard (1...10_000).contains(repeats) else { throw UserError("--repeats must be between 1 and 10000, not \(repeats)") }
        #if DEBUG
        FileHandle.standardError.write(Data("inception-explorer: warning: a debug build; bench figures mean little (swift build -c release)\n".utf8))
        #endif
        let model = try ModelBench.measure(Preset.tiny.description, repeats: repeats)
        // The Network view at 200x60: one Inception step computed and drawn, then frames of the module alone.
        let network = NetworkBenchmark.shipped(width: 200, height: 60)
        let stepMs = ModelBench.medianMilliseconds(repeats * 10) { _ = network.inceptionStep() }
        let frame = network.afterStep()
        let renderMs = ModelBench.medianMilliseconds(repeats * 10) { _ = frame.renderFrame() }
        let googlenetMs = try GoogLeNetBench.forwardBatch1Milliseconds(repeats: max(3, repeats / 3))
        let figures: [(String, Double, Int, String)] = [
            ("forward_batch1_ms", model.forwardBatch1Milliseconds, 4, "ms"),
            ("forward_batch64_images_per_s", model.forwardBatch64ImagesPerSecond, 1, "images/s"),
            ("train_batch32_images_per_s", model.trainBatch32ImagesPerSecond, 1, "images/s"),
            ("network_step_ms", stepMs, 4, "ms"),
            ("render_frame_200x60_ms", renderMs, 4, "ms"),
            ("googlenet_forward_batch1_ms", googlenetMs, 3, "ms"),
        ]
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let table = Table(
            title: "Benchmark: tiny preset (and torchvision's GoogLeNet), \(threads) cores, medians after warm-up",
            columns: ["measure", "value", "unit"],
            rows: figures.map { [.text($0.0), .decimal($0.1, places: $0.2), .text($0.3)] },
            customJSON: .object([("preset", .string("tiny")), ("threads", .integer(threads))]
                + figures.map { ($0.0, .decimal($0.1, places: $0.2)) }))
        print(table.rendered(as: format), terminator: "")
    }
}
