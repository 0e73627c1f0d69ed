import Foundation
@testable import InceptionCore

/// Just enough of safetensors to read the PyTorch fixture into the tiny network
/// (the product's full, validating reader lives elsewhere): 8-byte little-endian
/// header length, JSON header, raw little-endian F32 data.
enum TorchFixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    /// The file's bytes, its JSON header (tensor name -> dtype, shape, data_offsets)
    /// and where the data starts.
    static func safetensors() throws -> (bytes: Data, header: [String: Any], dataStart: Int) {
        let bytes = try Data(contentsOf: url("tiny-torch.safetensors"))
        let length = Int(bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<8 + length)) as! [String: Any]
        return (bytes, header, 8 + length)
    }

    /// The tiny network with the fixture's weights.
    static func network() throws -> InceptionNetwork {
        let (bytes, header, dataStart) = try safetensors()
        var params = try InceptionNetwork(Preset.tiny.description, seed: 0).parameters
        for name in params.names {
            let info = header[name] as! [String: Any]
            let offsets = info["data_offsets"] as! [Int]
            let shape = info["shape"] as! [Int]
            precondition(info["dtype"] as! String == "F32")
            let start = dataStart + offsets[0], count = (offsets[1] - offsets[0]) / 4
            let values = bytes.subdata(in: start..<start + count * 4).withUnsafeBytes { raw in
                (0..<count).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self).littleEndian) }
            }
            params[name] = Tensor(shape: shape, data: values)
        }
        return try InceptionNetwork(Preset.tiny.description, parameters: params)
    }

    /// The fixture's inputs (n, 1, 32, 32) and the logits PyTorch computed for them.
    static func inputsAndLogits() throws -> (Tensor, [[Float]]) {
        struct Fixture: Decodable {
            let input_shape: [Int]
            let input: [Float]
            let logits: [[Float]]
        }
        let f = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url("tiny-torch-fixture.json")))
        return (Tensor(shape: f.input_shape, data: f.input), f.logits)
    }
}
