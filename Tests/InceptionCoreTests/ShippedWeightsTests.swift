import Foundation
import Testing
@testable import InceptionCore

/// The shipped `Weights/tiny.safetensors`: its accuracy on a fixed subset of the test
/// split, and the step-by-step run of it (`run`) in every format.
@Suite struct ShippedWeightsTests {
    static let network = Result { try WeightsLocator.network(option: nil) }

    @Test func shippedWeightsClassifyTheTestSubset() throws {
        let net = try Self.network.get()
        #expect(net.description.withoutAux == Preset.tiny.description.withoutAux)
        // 200 images spread over the split, 20 of each class: labels cycle through the
        // classes (label = index % 10), so index 10i + i % 10 has label i % 10.
        let test = Dataset(split: .test)
        let indices = (0..<200).map { 10 * $0 + $0 % 10 }
        let (images, labels) = test.batch(indices)
        let predicted = net.logits(images).argmaxRows()
        let right = zip(predicted, labels).filter { $0 == $1 }.count
        #expect(Double(right) / Double(indices.count) >= 0.93, "\(right) of \(indices.count)")
        #expect(Set(labels).count == ShapeClass.count)
    }

    @Test func runJSONHasTheIssuesKeysAndShapes() throws {
        let report = try RunReport(network: Self.network.get(), input: .sample(.plus))
        let json = try #require(try JSONSerializationHelper.object(report.rendered(as: .json)) as? [String: Any])
        #expect(Set(json.keys) == ["input", "input_shape", "layers", "logits", "probabilities", "predicted", "top5"])
        // top5: the five largest probabilities, largest first, named.
        let top5 = try #require(json["top5"] as? [[String: Any]])
        let probabilities = try #require(json["probabilities"] as? [Double])
        // (Values, not indices: near-zero probabilities tie once rounded to 6 places.)
        #expect(top5.map { $0["probability"] as? Double } == Array(probabilities.sorted(by: >).prefix(5)))
        #expect(top5.allSatisfy { probabilities[$0["index"] as! Int] == $0["probability"] as? Double })
        #expect(top5.first?["class"] as? String == json["predicted"] as? String)
        let input = try #require(json["input"] as? [Double])
        #expect(input.count == 32 * 32 && input.allSatisfy { (0...1).contains($0) })
        #expect(json["input_shape"] as? [Int] == [1, 32, 32])
        let layers = try #require(json["layers"] as? [[String: Any]])
        // Shapes from the issue's network table; multiplies of 3a worked by hand:
        // 16x16 positions x (16*8 + 16*8 + 8*9*16 + 16*4 + 4*25*8 + 16*8) = 256 x 2400.
        let expected: [(String, [Int])] = [("stem", [16, 32, 32]), ("pool1", [16, 16, 16]), ("inception_3a", [40, 16, 16]),
                                           ("inception_3b", [64, 16, 16]), ("pool2", [64, 8, 8]), ("inception_4a", [88, 8, 8]),
                                           ("gap", [88]), ("classifier", [10]), ("softmax", [10])]
        #expect(layers.map { $0["name"] as? String } == expected.map(\.0))
        #expect(layers.map { $0["shape"] as? [Int] } == expected.map(\.1))
        #expect(layers[2]["multiplies"] as? Int == 256 * 2400)
        // The issue's figure: 3,556,208 multiply-adds per image.
        #expect(layers.compactMap { $0["multiplies"] as? Int }.reduce(0, +) == 3_556_208)
        // Probabilities are the softmax of the logits, written out here.
        let logits = try #require(json["logits"] as? [Double]), probs = try #require(json["probabilities"] as? [Double])
        let exps = logits.map { exp($0 - logits.max()!) }
        for (p, e) in zip(probs, exps) { #expect(abs(p - e / exps.reduce(0, +)) < 1e-5) }
        let best = probs.indices.max { probs[$0] < probs[$1] }!
        #expect(json["predicted"] as? String == ShapeClass.names[best])
    }

    @Test func runTextHasHeatmapsPerBranchAndMarkdownCSVTheTable() throws {
        let report = try RunReport(network: Self.network.get(), input: .index(6))
        let text = report.rendered(as: .text)
        for heading in ["inception_3a / 1x1 branch: 8 channels of 16x16", "inception_3a / 3x3 branch: 16 channels of 16x16",
                        "inception_4a / pool branch: 16 channels of 8x8", "stem: 16 channels of 32x32"] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(text.contains("predicted: "))
        let csv = report.rendered(as: .csv).split(separator: "\n")
        #expect(csv.first == "layer,shape,multiplies,time ms")
        #expect(csv.count == 10)
        #expect(report.rendered(as: .markdown).contains("| inception_3b | 64x16x16 | 2031616 |"))
    }

    @Test func runInputErrorsAreUserErrors() throws {
        #expect(throws: UserError("unknown class 'hexagon'; the classes are \(ShapeClass.names.joined(separator: ", "))")) {
            try RunInput(image: nil, sample: "hexagon", index: nil)
        }
        #expect(throws: UserError("give only one of --image, --sample and --index")) {
            try RunInput(image: "a.pgm", sample: "dot", index: nil)
        }
        #expect(throws: UserError("--index 2000 is outside the test split (0 to 1999)")) {
            try RunInput(image: nil, sample: nil, index: 2000)
        }
        #expect(try RunInput(image: nil, sample: nil, index: nil) == .index(0))
        let net = try Self.network.get()
        #expect(throws: UserError("/nonexistent.pgm: no such file")) {
            try RunReport(network: net, input: .image(path: "/nonexistent.pgm"))
        }
        let notImage = try DataFixtures.scratchFile(Array("hello".utf8), name: "x.pgm")
        #expect(throws: UserError("\(notImage): not an image (expected PNG, JPEG, PGM or PPM: P2, P3, P5, P6)")) {
            try RunReport(network: net, input: .image(path: notImage))
        }
    }

    @Test func noResizeRunsAnySizeThroughGAPAndIsAnErrorWithFC() throws {
        // A 48x40 P5 image: the GAP head runs it at its own size.
        let (w, h) = (48, 40)
        let pixels = (0..<w * h).map { UInt8(($0 * 7) % 256) }
        let path = try DataFixtures.scratchFile(Array("P5\n\(w) \(h)\n255\n".utf8) + pixels, name: "big.pgm")
        let report = try RunReport(network: Self.network.get(), input: .image(path: path), resize: false)
        #expect(report.input.shape == [1, 1, h, w])
        #expect(report.steps[0].output.shape == [1, 16, h, w])
        #expect(report.steps[5].output.shape == [1, 88, 10, 12])
        let fc = try InceptionNetwork(Preset.tiny.description.withHead(.fc), seed: 1)
        #expect(throws: UserError("--no-resize needs a GAP head; these weights end in a fully connected head, whose weights fix the input at 32x32")) {
            try RunReport(network: fc, input: .image(path: path), resize: false)
        }
    }
}

extension NetworkDescription {
    /// The same network without auxiliary heads (a file may leave them out).
    var withoutAux: NetworkDescription {
        var copy = self
        copy.auxHeads = []
        return copy
    }
}
