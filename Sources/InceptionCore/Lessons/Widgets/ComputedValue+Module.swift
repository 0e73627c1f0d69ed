extension ComputedValue {
    /// Fields of `@PRESET.MODULE.FIELD` derived from a module's widths and input rather
    /// than read from them, with what each one is.
    public static let derivedModuleFields: [(name: String, meaning: String)] = [
        ("input", "the input channels"),
        ("share", "the percentage of the output channels that come from the 3x3 and 5x5 branches"),
        ("5x5-percent", "the percentage of a direct 5x5's multiplies that the reduced 5x5 branch needs"),
        ("per-input-channel", "the multiply-adds one more input channel adds to the 1x1 layers reading the input"),
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
        return ComputedValue(value: value, meaning: meaning + " in module \(module.name.short) of the \(network.preset) network")
    }
}
