import Foundation
import Testing
@testable import InceptionCore

@Suite struct SafeTensorsTests {
    /// The state_dict of `torch_tiny_inception.py`, written out from its MODULES table:
    /// (name, n1x1, n3x3red, n3x3, n5x5red, n5x5, poolproj), convs OIHW, linears (out, in).
    static let torchShapes: [String: [Int]] = {
        var shapes: [String: [Int]] = [
            "stem.weight": [16, 1, 3, 3], "stem.bias": [16],
            "classifier.weight": [10, 88], "classifier.bias": [10],
            "aux.conv.weight": [32, 64, 1, 1], "aux.conv.bias": [32],
            "aux.fc1.weight": [64, 512], "aux.fc1.bias": [64],
            "aux.fc2.weight": [10, 64], "aux.fc2.bias": [10],
        ]
        let modules = [("inception3a", 16, 8, 8, 16, 4, 8, 8), ("inception3b", 40, 16, 16, 24, 8, 12, 12), ("inception4a", 64, 24, 16, 32, 8, 16, 16)]
        for (m, cin, n1, r3, n3, r5, n5, pp) in modules {
            for (branch, shape) in [("branch1x1", [n1, cin, 1, 1]), ("branch3x3_reduce", [r3, cin, 1, 1]), ("branch3x3", [n3, r3, 3, 3]),
                                    ("branch5x5_reduce", [r5, cin, 1, 1]), ("branch5x5", [n5, r5, 5, 5]), ("pool_proj", [pp, cin, 1, 1])] {
                shapes["\(m).\(branch).weight"] = shape
                shapes["\(m).\(branch).bias"] = [shape[0]]
            }
        }
        return shapes
    }()

    @Test func readsThePyTorchFixture() throws {
        let file = try SafeTensors.read(path: DataFixtures.path("tiny-torch.safetensors"))
        #expect(file.tensors.count == Self.torchShapes.count)
        for named in file.tensors {
            #expect(Self.torchShapes[named.name] == named.tensor.shape, "\(named.name)")
        }
        // File order is data-offset order; PyTorch's writer sorted the names.
        #expect(file.tensors.map(\.name) == file.tensors.map(\.name).sorted())
        #expect(file.metadata == ["head": "gap", "source": "torch_tiny_inception.py", "preset": "tiny"])
        // Values read independently with Python's struct module.
        let stem = try #require(file["stem.weight"])
        #expect(Array(stem.data.prefix(3)) == [0.4927424192428589, 0.5273662209510803, -0.09638106822967529])
        #expect(stem.data.last == 0.45298704504966736)
        #expect(file["classifier.bias"]?.data.last == -0.144220769405365)
    }

    /// The exact bytes of a one-tensor file, worked out by hand from the format.
    @Test func writesTheDocumentedLayout() {
        let file = SafeTensors(tensors: [NamedTensor(name: "a", tensor: Tensor(shape: [2], data: [1, -2]))], metadata: ["k": "v"])
        let header = #"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        let padded = header + String(repeating: " ", count: (8 - header.utf8.count % 8) % 8)
        var expected: [UInt8] = [UInt8(padded.utf8.count), 0, 0, 0, 0, 0, 0, 0] + Array(padded.utf8)
        expected += [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0]  // 1.0 and -2.0, little-endian
        #expect([UInt8](file.encoded()) == expected)
        #expect(padded.utf8.count % 8 == 0)
    }

    @Test func roundTripsThroughAFile() throws {
        let original = SafeTensors(tensors: [
            NamedTensor(name: "z.weight", tensor: Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, -6.5])),
            NamedTensor(name: "a \"quoted\" name", tensor: Tensor(shape: [1], data: [.pi])),
            NamedTensor(name: "empty", tensor: Tensor(shape: [0, 4], data: [])),
        ], metadata: ["inception_explorer.network": #"{"widths": [1, 2]}"#])
        let path = try DataFixtures.scratchDirectory() + "/w.safetensors"
        try original.write(to: path)
        let read = try SafeTensors.read(path: path)
        // Given order is file order (the empty tensor has offsets [28, 28], after the others).
        #expect(read == original)
    }

    /// A file with the given header text and `dataBytes` zero bytes of data.
    static func file(header: String, dataBytes: Int) -> Data {
        var bytes = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: dataBytes))
        return bytes
    }

    static let malformed: [(String, Data, String)] = [
        ("short", Data([1, 2, 3]), "file too short (3 bytes)"),
        ("zero length", Data([0, 0, 0, 0, 0, 0, 0, 0]), "header length 0 is absurd"),
        ("absurd length", Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data(count: 16), "is absurd"),
        ("beyond", Data([100, 0, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8), "header length 100 goes beyond the end of the file (10 bytes)"),
        ("not json", file(header: "{nope", dataBytes: 0), "header is not valid JSON"),
        ("not object", file(header: "[1, 2]", dataBytes: 0), "not an object"),
        ("f16", file(header: #"{"x":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#, dataBytes: 2), "tensor 'x' has dtype F16; only F32 is supported"),
        ("no dtype", file(header: #"{"x":{"shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 4), "tensor 'x' has no dtype"),
        ("bad shape", file(header: #"{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, dataBytes: 4), "no valid shape"),
        ("bad offsets", file(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#, dataBytes: 4), "no valid data_offsets"),
        ("count mismatch", file(header: #"{"x":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#, dataBytes: 12), "has shape [2, 2] but data_offsets [0, 12] hold 12 bytes, not 16"),
        ("reversed", file(header: #"{"x":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}}"#, dataBytes: 8), "[8, 4] out of order"),
        ("outside", file(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, dataBytes: 4), "outside the 4 bytes of data"),
        ("overlap", file(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"y":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, dataBytes: 12), "tensor 'y' overlaps"),
        ("gap", file(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, dataBytes: 8), "4 bytes of data before tensor 'x' belong to no tensor"),
        ("trailing", file(header: #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 6), "2 bytes of trailing data"),
        ("metadata", file(header: #"{"__metadata__":{"a":1}}"#, dataBytes: 0), "__metadata__ value for 'a' is not a string"),
    ]

    @Test(arguments: malformed.indices)
    func malformedFilesAreNamedUserErrors(_ index: Int) {
        let (_, bytes, problem) = Self.malformed[index]
        do {
            _ = try SafeTensors(decoding: bytes, source: "w.safetensors")
            Issue.record("accepted a malformed file: \(Self.malformed[index].0)")
        } catch let error as UserError {
            #expect(error.message.hasPrefix("w.safetensors: "))
            #expect(error.message.contains(problem), "\(error.message)")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("not a UserError: \(error)")
        }
    }

    @Test func missingFileIsAUserError() {
        #expect(throws: UserError("/nonexistent/w.safetensors: no such file")) {
            try SafeTensors.read(path: "/nonexistent/w.safetensors")
        }
    }
}
