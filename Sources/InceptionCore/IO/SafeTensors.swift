import Foundation

/// A tensor with the name it has in a weights file (`inception3a.branch1x1.weight`).
public struct NamedTensor: Equatable, Sendable {
    public var name: String
    public var tensor: Tensor

    public init(name: String, tensor: Tensor) {
        self.name = name
        self.tensor = tensor
    }
}

/// The contents of a safetensors file: named F32 tensors plus a string-to-string
/// metadata map, the format PyTorch's `safetensors` package writes.
///
/// Layout: an 8-byte little-endian header length `n`, `n` bytes of JSON, then the
/// raw little-endian data. The JSON maps each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (offsets relative
/// to the start of the data) and may hold `"__metadata__": {"key": "value"}`.
///
/// Reading is strict, as the reference implementation is: the tensors must tile the
/// data exactly, with no gaps, no overlaps and no trailing bytes, so a truncated,
/// padded or hand-edited file is reported rather than half-loaded. Every problem is
/// a one-line `UserError` naming the file and what is wrong. The one non-F32 tensor
/// accepted is PyTorch's I64 batch-norm counter `…num_batches_tracked`, which
/// inference does not use: its bytes are checked like any other and then skipped.
public struct SafeTensors: Equatable, Sendable {
    /// The tensors, in file order (ascending data offset).
    public var tensors: [NamedTensor]
    /// The `__metadata__` map (empty when the file has none).
    public var metadata: [String: String]

    /// Headers beyond this size are refused before parsing (the reference
    /// implementation's limit): a corrupt length must not make us allocate gigabytes.
    public static let maximumHeaderLength = 100_000_000

    public init(tensors: [NamedTensor], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, if the file has one.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    // MARK: Reading

    /// Reads and validates the file at `path`.
    public static func read(path: String) throws -> SafeTensors {
        try SafeTensors(decoding: UserFile.contents(of: path, kind: "a weights file"), source: path)
    }

    /// Parses and validates the bytes of a safetensors file; `source` names it in errors.
    public init(decoding file: Data, source: String) throws {
        func fail(_ problem: String) -> UserError { UserError("\(source): \(problem)") }
        let bytes = Data(file)  // re-based so that indices start at 0
        guard bytes.count >= 8 else {
            throw fail("file too short (\(bytes.count) bytes) to hold the 8-byte header length; not a safetensors file")
        }
        let headerLength = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength > 0, headerLength <= UInt64(Self.maximumHeaderLength) else {
            throw fail("header length \(headerLength) is absurd (allowed 1...\(Self.maximumHeaderLength)); not a safetensors file")
        }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail("header length \(headerLength) goes beyond the end of the file (\(bytes.count) bytes); the file is truncated or not safetensors")
        }
        let dataStart = 8 + Int(headerLength)
        let header = bytes[8..<dataStart]
        guard let json = try? JSONSerialization.jsonObject(with: header, options: [.fragmentsAllowed]) else {
            throw fail("header is not valid JSON")
        }
        guard let object = json as? [String: Any] else {
            throw fail("header is JSON but not an object of tensors")
        }

        var metadata: [String: String] = [:]
        var entries: [(name: String, shape: [Int], begin: Int, end: Int, skipped: Bool)] = []
        for (name, value) in object {
            if name == "__metadata__" {
                guard let map = value as? [String: Any] else { throw fail("__metadata__ is not an object") }
                for (key, item) in map {
                    guard let text = item as? String else { throw fail("__metadata__ value for '\(key)' is not a string") }
                    metadata[key] = text
                }
                continue
            }
            guard let fields = value as? [String: Any] else { throw fail("tensor '\(name)' is not described by an object") }
            guard let dtype = fields["dtype"] as? String else { throw fail("tensor '\(name)' has no dtype") }
            let skipped = dtype == "I64" && name.hasSuffix("num_batches_tracked")
            guard dtype == "F32" || skipped else { throw fail("tensor '\(name)' has dtype \(dtype); only F32 is supported") }
            let width = skipped ? 8 : 4
            guard let shape = Self.integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor '\(name)' has no valid shape (a list of non-negative integers)")
            }
            guard let offsets = Self.integers(fields["data_offsets"]), offsets.count == 2 else {
                throw fail("tensor '\(name)' has no valid data_offsets (two integers)")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end else { throw fail("tensor '\(name)' has data_offsets [\(begin), \(end)] out of order") }
            let (count, overflow) = shape.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d)
                return (p, acc.1 || o)
            }
            guard !overflow, count.multipliedReportingOverflow(by: width).overflow == false, count * width == end - begin else {
                throw fail("tensor '\(name)' has shape \(shape) but data_offsets [\(begin), \(end)] hold \(end - begin) bytes, not \(overflow ? "an overflowing count" : "\(count * width)")")
            }
            entries.append((name, shape, begin, end, skipped))
        }

        let dataLength = bytes.count - dataStart
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var expectedBegin = 0
        for entry in entries {
            guard entry.end <= dataLength else {
                throw fail("tensor '\(entry.name)' has data_offsets [\(entry.begin), \(entry.end)] outside the \(dataLength) bytes of data; the file is truncated")
            }
            guard entry.begin >= expectedBegin else {
                throw fail("tensor '\(entry.name)' overlaps the tensor before it (it starts at \(entry.begin), before \(expectedBegin))")
            }
            guard entry.begin == expectedBegin else {
                throw fail("\(entry.begin - expectedBegin) bytes of data before tensor '\(entry.name)' belong to no tensor")
            }
            expectedBegin = entry.end
        }
        guard expectedBegin == dataLength else {
            throw fail("\(dataLength - expectedBegin) bytes of trailing data after the last tensor belong to no tensor")
        }

        tensors = bytes.withUnsafeBytes { raw in
            entries.filter { !$0.skipped }.map { entry in
                let count = (entry.end - entry.begin) / 4
                let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for i in 0..<count {
                        let bits = raw.loadUnaligned(fromByteOffset: dataStart + entry.begin + 4 * i, as: UInt32.self)
                        buffer[i] = Float(bitPattern: UInt32(littleEndian: bits))
                    }
                    initialized = count
                }
                return NamedTensor(name: entry.name, tensor: Tensor(shape: entry.shape, data: values))
            }
        }
        self.metadata = metadata
    }

    /// A JSON array of integers (JSONSerialization gives NSNumbers; refuse fractions and strings).
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        for item in array {
            guard let number = item as? NSNumber, let integer = Int(exactly: number.doubleValue) else { return nil }
            result.append(integer)
        }
        return result
    }

    // MARK: Writing

    /// The file's bytes: tensors in the order of `tensors`, header padded with spaces to
    /// a multiple of 8 bytes so that the data is aligned (as PyTorch's writer does).
    public func encoded() -> Data {
        var header = "{"
        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(Self.jsonString($0)):\(Self.jsonString(metadata[$0]!))" }
            fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for named in tensors {
            let size = named.tensor.count * 4
            let shape = named.tensor.shape.map(String.init).joined(separator: ",")
            fields.append("\(Self.jsonString(named.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + size)]}")
            offset += size
        }
        header += fields.joined(separator: ",") + "}"
        var headerBytes = Data(header.utf8)
        headerBytes.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - headerBytes.count % 8) % 8))

        var out = Data(capacity: 8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(headerBytes)
        for named in tensors {
            named.tensor.data.withUnsafeBufferPointer { values in
                var little = [UInt32](repeating: 0, count: values.count)
                for i in values.indices { little[i] = values[i].bitPattern.littleEndian }
                little.withUnsafeBytes { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Writes the file atomically (a reader never sees half of it).
    public func write(to path: String) throws {
        try AtomicWrite.write(encoded(), to: path)
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
