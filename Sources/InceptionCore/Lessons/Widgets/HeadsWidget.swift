extension WidgetDefinition {
    /// `::: heads preset=googlenet`: a global-average-pooling head against a
    /// flatten + fully connected head on the network's last feature maps.
    public static let heads = WidgetDefinition(
        name: "heads",
        summary: "Global average pooling + linear against flatten + fully connected: parameters and share of the network.",
        arguments: [
            .optional("preset", .preset, default: "tiny", help: "the network whose head is compared"),
        ],
        compute: { arguments in
            let comparison = HeadsComparison(network: try arguments.network())
            let table = comparison.table(convention: .torchinfo, unit: .macs)
            let f = comparison.features
            return .table(WidgetTable(table, columns: ["head", "in_features", "params_with_bias", "multiplies", "share_percent"],
                                      titles: ["in_features": "inputs", "params_with_bias": "params",
                                               "share_percent": "% of network"],
                                      notes: ["Params include biases; % of network is the head's share of all the parameters of the network with that head.",
                                              "The fully connected head has one weight per position of the \(f.c)x\(f.h)x\(f.w) maps, so a larger input needs a new head; the GAP head averages each whole map first, so its weights fit maps of any size (whether it still classifies there is the input-size experiment's question)."]))
        }
    )
}
