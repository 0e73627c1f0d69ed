import Foundation
import Testing
@testable import InceptionCore

/// Networks to and from safetensors: the round trip with the description, the
/// shape-inference path PyTorch's files take, and every way a file can be wrong.
@Suite struct NetworkFileTests {
    /// A network trained two steps (so that its weights are not the seeded ones) in a
    /// variant a reader could not guess: other widths, FC head.
    static func trained(_ description: NetworkDescription) throws -> InceptionNetwork {
        var budget = TrainingBudget.standard.with(steps: 2)
        budget.batchSize = 4
        let data = LabelledImages(Dataset(seed: 21, count: 8))
        return try TrainingRun(description: description, budget: budget, seed: 2).run(train: data, test: data).network
    }

    static func roundTrip(_ file: SafeTensors) throws -> InceptionNetwork {
        let path = try DataFixtures.scratchDirectory() + "/w.safetensors"
        try file.write(to: path)
        return try NetworkFile.load(path: path)
    }

    @Test func trainedNetworkRoundTripsWithItsDescription() throws {
        let description = try TrainingTests.narrow.applying(assignments: ["3b.n5x5=0"]).withHead(.fc)
        let net = try Self.trained(description)
        let file = try NetworkFile.contents(of: net, training: "two steps")
        #expect(file.metadata[NetworkFile.trainingKey] == "two steps")
        let json = try #require(file.metadata[NetworkFile.metadataKey])
        #expect(try JSONSerializationHelper.object(json) is [String: Any])
        let read = try Self.roundTrip(file)
        #expect(read.description == description)
        #expect(read.parameters == net.parameters)
        #expect(read.parameters != (try InceptionNetwork(description, seed: 1)).parameters)
    }

    @Test func writtenFileHasPyTorchNamesInStateDictOrder() throws {
        let net = try InceptionNetwork(Preset.tiny.description, seed: 4)
        let names = try NetworkFile.contents(of: net).tensors.map(\.name)
        // torch_tiny_inception.py's module order: stem, 3a, 3b, 4a, aux, classifier.
        #expect(names.prefix(4) == ["stem.weight", "stem.bias", "inception3a.branch1x1.weight", "inception3a.branch1x1.bias"])
        #expect(names.contains("inception4a.pool_proj.weight"))
        #expect(names.contains("aux.fc2.bias"))
        #expect(Set(names).count == names.count)
    }

    @Test func withoutMetadataTheShapesGiveWidthsAndHead() throws {
        for (assignments, head, features) in [([String](), HeadKind.gap, 88), (["4a.n1x1=20", "3a.n5x5=0", "3a.n5x5red=0"], .fc, 84 * 64)] {
            let description = try Preset.tiny.description.applying(assignments: assignments).withHead(head)
            let net = try InceptionNetwork(description, seed: 3)
            var file = try NetworkFile.contents(of: net)
            file.metadata = ["source": "someone else"]
            #expect(file["classifier.weight"]?.shape == [10, features])
            let read = try Self.roundTrip(file)
            #expect(read.description == description)
            #expect(read.parameters == net.parameters)
        }
    }

    @Test func auxiliaryTensorsAreOptional() throws {
        let net = try InceptionNetwork(Preset.tiny.description, seed: 3)
        for keepMetadata in [true, false] {
            var file = try NetworkFile.contents(of: net)
            file.tensors.removeAll { $0.name.hasPrefix("aux.") }
            if !keepMetadata { file.metadata = [:] }
            let read = try Self.roundTrip(file)
            #expect(read.description.auxHeads.isEmpty)
            #expect(read.parameters["stem.weight"] == net.parameters["stem.weight"])
        }
    }

    @Test func pytorchFixtureLoadsByShapesAndReproducesItsLogits() throws {
        let net = try NetworkFile.load(path: DataFixtures.path("tiny-torch.safetensors"))
        #expect(net.description == Preset.tiny.description)
        let (x, expected) = try TorchFixture.inputsAndLogits()
        let worst = zip(net.logits(x).data, expected.flatMap { $0 }).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-4, "largest logit difference \(worst)")
    }

    @Test func badFilesAreUserErrorsNamingThePath() throws {
        let net = try InceptionNetwork(Preset.tiny.description, seed: 3)
        let good = try NetworkFile.contents(of: net)
        func failure(_ file: SafeTensors) throws -> String {
            let path = try DataFixtures.scratchDirectory() + "/w.safetensors"
            try file.write(to: path)
            do {
                _ = try NetworkFile.load(path: path)
                return "loaded"
            } catch let error as UserError {
                #expect(error.message.hasPrefix(path + ": "), "\(error.message)")
                return String(error.message.dropFirst(path.count + 2))
            }
        }
        var junk = good
        junk.metadata[NetworkFile.metadataKey] = "{not json"
        #expect(try failure(junk) == "metadata inception_explorer.network is not a valid network description")

        var missing = good
        missing.tensors.removeAll { $0.name == "inception3b.branch3x3.weight" }
        #expect(try failure(missing) == "missing tensor inception3b.branch3x3.weight (shape [24, 16, 3, 3])")

        var noClassifier = good
        noClassifier.metadata = [:]
        noClassifier.tensors.removeAll { $0.name == "classifier.weight" }
        #expect(try failure(noClassifier).hasPrefix("no 2-d classifier.weight"))

        var oddHead = good
        oddHead.metadata = [:]
        let index = oddHead.tensors.firstIndex { $0.name == "classifier.weight" }!
        oddHead.tensors[index].tensor = Tensor(shape: [10, 50])
        #expect(try failure(oddHead) == "classifier.weight has 50 inputs; these widths need 88 (gap) or 5632 (fc)")

        var badWidths = good
        badWidths.metadata = [:]
        badWidths.tensors.removeAll { $0.name.hasPrefix("inception3a.branch3x3_reduce") }
        #expect(try failure(badWidths).hasPrefix("3a.n3x3red = 0 but the 3x3 branch exists"))

        var notANumber = good
        let stem = notANumber.tensors.firstIndex { $0.name == "stem.bias" }!
        notANumber.tensors[stem].tensor.data[3] = .nan
        #expect(try failure(notANumber) == "tensor stem.bias holds a NaN or infinite value")

        #expect(throws: UserError.self) { try NetworkFile.load(path: DataFixtures.path("tiny-torch-fixture.json")) }
    }

    @Test func weightsLocatorPrefersTheOptionAndNamesAMissingShippedFile() throws {
        #expect(try WeightsLocator.locate(option: "x.safetensors", shipped: "/nonexistent") == "x.safetensors")
        #expect(throws: UserError("no shipped weights at /nonexistent/tiny.safetensors: pass --weights FILE (train one with `inception-explorer train`)")) {
            try WeightsLocator.locate(option: nil, shipped: "/nonexistent/tiny.safetensors")
        }
        #expect(WeightsLocator.shippedPath.hasSuffix("/Weights/tiny.safetensors"))
        #expect(throws: UserError.self) { try WeightsLocator.network(option: "/nonexistent/w.safetensors") }
    }
}
