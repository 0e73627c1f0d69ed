extension ComputedValue {
    /// Fields of `@PRESET.MODULE.FIELD` derived from a module's widths and input rather
    /// than read from them, with what each one is.
    public static let derivedModuleFields: [(name: String, meaning: String)] = [
        ("input", "the input channels"),
        ("share", "the 3x3 and 5x5 branches' share of the output channels, in percent"),
        ("5x5-percent", "the multiplies of the reduced 5x5 branch as a percentage of a direct 5x5 from the module input"),
        ("per-input-channel", "the multiply-adds one more input channel adds (every 1x1 that reads the input, at every position)"),
    ]

    /// A derived field of module `index` of `network`, nil when `field` is not one.
    static func derived(_ field: String, module index: Int, of network: NetworkDescription) -> ComputedValue? {
        guard let meaning = derivedModuleFields.first(where: { $0.name == field })?.meaning,
              case .inception(let module) = network.layers[index] else { return nil }
        let input = network.shapedLayers()[index].input
        let w = module.widths, positions = input.h * input.w
        let value: Double = switch field {
        case "input": Double(input.c)
        case "share": 100 * Double(w.n3x3 + w.n5x5) / Double(w.outChannels)
        case "5x5-percent":
            100 * Double(input.c * w.n5x5red + w.n5x5red * w.n5x5 * 25) / Double(input.c * w.n5x5 * 25)
        default: Double((w.n1x1 + w.n3x3red + w.n5x5red + w.poolProj) * positions)
        }
        return ComputedValue(value: value, meaning: meaning + " of \(module.name.short) in the \(network.preset) network")
    }
}
