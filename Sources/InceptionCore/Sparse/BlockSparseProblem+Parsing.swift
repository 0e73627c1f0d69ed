extension BlockSparseProblem.Parameters {
    /// The parameters as the explorer's field shows them: `size=256 blocks=4 density=0.5 k=3`.
    public var text: String {
        "size=\(size) blocks=\(blocks) density=\(NumberText.decimal(density, places: 2, grouped: false)) k=\(kernel)"
            + (seed == Self().seed ? "" : " seed=\(seed)")
    }

    /// Reads `key=value` words (size, blocks, density, k, seed) in any order;
    /// keys left out keep their value from `base`. Unknown keys and values that
    /// are not numbers are `UserError`s; ranges are checked by `BlockSparseProblem`.
    public init(parsing text: String, base: Self = Self()) throws {
        self = base
        for word in text.split(separator: " ") {
            let parts = word.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw UserError("'\(word)': expected key=value, e.g. size=256") }
            let key = parts[0].lowercased(), value = String(parts[1])
            func integer() throws -> Int {
                guard let n = Int(value) else { throw UserError("\(key)=\(value): not a whole number") }
                return n
            }
            switch key {
            case "size": size = try integer()
            case "blocks": blocks = try integer()
            case "k", "kernel": kernel = try integer()
            case "seed":
                guard let n = UInt64(value) else { throw UserError("seed=\(value): not a whole number") }
                seed = n
            case "density":
                guard let d = Double(value), d.isFinite else { throw UserError("density=\(value): not a number") }
                density = d
            default:
                throw UserError("unknown key '\(key)' (keys: size, blocks, density, k, seed)")
            }
        }
    }
}
