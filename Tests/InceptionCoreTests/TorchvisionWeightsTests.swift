import Foundation
import Testing
@testable import InceptionCore

/// Reading torchvision `state_dict` files: recognised by name, extras PyTorch writes
/// accepted, every damaged file a one-line error naming the tensor.
@Suite struct TorchvisionWeightsTests {
    /// The seed-1 formula state_dict, made once (slow in a debug build).
    static let stateDict = try! FormulaWeights.stateDict(seed: 1)

    /// A safetensors file written by hand, so it can hold I64 tensors as PyTorch writes them.
    static func rawFile(_ tensors: [(name: String, dtype: String, shape: [Int], bytes: [UInt8])],
                        metadata: [String: String] = [:]) -> Data {
        var fields: [String] = metadata.isEmpty ? [] : ["\"__metadata__\":{" + metadata.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"]
        var offset = 0
        for t in tensors {
            fields.append("\"\(t.name)\":{\"dtype\":\"\(t.dtype)\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(offset + t.bytes.count)]}")
            offset += t.bytes.count
        }
        let header = Array(("{" + fields.joined(separator: ",") + "}").utf8)
        var data = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for t in tensors { data.append(contentsOf: t.bytes) }
        return data
    }

    static func f32(_ t: Tensor) -> [UInt8] {
        t.data.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }

    /// The formula weights plus what `model.state_dict()` of a model with aux heads adds.
    static func withExtras(_ file: SafeTensors) -> Data {
        var tensors = file.tensors.map { ($0.name, "F32", $0.tensor.shape, f32($0.tensor)) }
        let counter = withUnsafeBytes(of: Int64(12345).littleEndian) { Array($0) }
        tensors.insert(("conv1.bn.num_batches_tracked", "I64", [], counter), at: 5)
        let aux = Tensor(shape: [128, 512, 1, 1], repeating: 0.5)
        tensors.append(("aux1.conv.conv.weight", "F32", aux.shape, f32(aux)))
        return rawFile(tensors)
    }

    static func load(_ data: Data) throws -> InceptionNetwork {
        try NetworkFile.network(from: SafeTensors(decoding: data, source: "w.safetensors"), source: "w.safetensors")
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as UserError { return e.message } catch { return "\(error)" }
        return "no error"
    }

    @Test func plainAndExtendedStateDictsGiveTheSameNetwork() throws {
        let plain = try Self.load(Self.stateDict.encoded())
        let extended = try Self.load(Self.withExtras(Self.stateDict))
        #expect(plain.parameters == extended.parameters)
        #expect(plain.description.preset == "torchvision" && plain.description.transformInput)
        // conv1's folded bias: beta - mean * gamma / sqrt(var + 0.001), from the file's own numbers.
        let f = { (n: String) in Double(Self.stateDict[n]!.data[0]) }
        let expected = f("conv1.bn.bias") - f("conv1.bn.running_mean") * f("conv1.bn.weight") / (f("conv1.bn.running_var") + 0.001).squareRoot()
        #expect(abs(Double(plain.parameters["conv1.bias"]!.data[0]) - expected) < 1e-6)
    }

    @Test func metadataMayTurnTransformInputOff() throws {
        var file = Self.stateDict
        file.metadata[TorchvisionStateDict.transformInputKey] = "false"
        #expect(try Self.load(file.encoded()).description.transformInput == false)
    }

    @Test func damagedFilesAreOneLineErrorsNamingTheTensor() {
        let good = Self.stateDict.encoded()
        let truncated = Self.message { _ = try Self.load(good.prefix(good.count - 100)) }
        #expect(truncated.contains("truncated"))
        var misnamed = Self.stateDict
        let i = misnamed.tensors.firstIndex { $0.name == "inception4c.branch2.1.conv.weight" }!
        misnamed.tensors[i].name = "inception4c.branch2.1.conv.weights"
        #expect(Self.message { _ = try Self.load(misnamed.encoded()) } == "w.safetensors: missing tensor inception4c.branch2.1.conv.weight (shape [256, 128, 3, 3])")
        var misshapen = Self.stateDict
        let j = misshapen.tensors.firstIndex { $0.name == "fc.bias" }!
        misshapen.tensors[j].tensor = Tensor(shape: [999], repeating: 0)
        #expect(Self.message { _ = try Self.load(misshapen.encoded()) } == "w.safetensors: tensor fc.bias has shape [999], expected [1000]")
        for text in [truncated] { #expect(!text.contains("\n")) }
    }

    @Test func anotherI64TensorIsRefused() {
        let data = Self.rawFile([("conv1.conv.weight", "I64", [1], [0, 0, 0, 0, 0, 0, 0, 0])])
        #expect(Self.message { _ = try Self.load(data) }.contains("has dtype I64; only F32 is supported"))
    }
}
