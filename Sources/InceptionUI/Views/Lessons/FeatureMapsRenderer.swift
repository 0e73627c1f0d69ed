import InceptionCore

/// Feature maps in a lesson: the panel title, then each group's title and its maps
/// side by side as heatmaps on the group's scale, each under its label, then the
/// notes. A map gets a box of at most `FeatureMapPanel.textMaxRows` terminal rows
/// (larger maps are averaged down by `Heatmap`; with half blocks a row holds two
/// pixel rows); the full view draws the same layout wider.
struct FeatureMapsRenderer: WidgetRenderer {
    var panel: FeatureMapPanel
    var capabilities: Capabilities

    var title: String { panel.title }

    func height(width: Int) -> Int {
        items(width: width).reduce(0) { $0 + $1.height }
    }

    func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        var y = area.y
        for item in items(width: area.width) where y < area.y + area.height {
            switch item {
            case .text(let text, let isTitle):
                canvas.text(text, x: area.x, y: y, style: isTitle ? theme.title : theme.dim, clip: area)
            case .maps(let maps, let group, let box):
                for (k, map) in maps.enumerated() {
                    let x = area.x + k * (box.width + 2)
                    canvas.text(map.label, x: x, y: y, style: theme.emphasis, clip: Rect(x: x, y: y, width: box.width, height: 1))
                    let cell = Rect(x: x, y: y + 1, width: box.width, height: min(box.height, area.y + area.height - y - 1))
                    Heatmap(rows: map.rows, columns: map.columns, values: map.values, low: group.low, high: group.high)
                        .render(into: &canvas, area: cell, theme: theme)
                }
            }
            y += item.height
        }
    }

    private enum Item {
        case text(String, title: Bool)
        /// One line of maps sharing the group's scale, each in a `box`.
        case maps([FeatureMapPanel.Map], FeatureMapPanel.Group, box: Size)

        var height: Int {
            switch self {
            case .text: 1
            case .maps(_, _, let box): box.height + 1
            }
        }
    }

    private func items(width: Int) -> [Item] {
        let wrap = { (text: String, title: Bool) in
            TextWrap.wrap(text, width: max(width, 1)).map { Item.text($0, title: title) }
        }
        var items = wrap(panel.title, true)
        for group in panel.groups {
            items += wrap(group.title, false)
            let perCell = Heatmap.usesHalfBlocks(Theme(capabilities)) ? 2 : 1
            let boxes = group.maps.map { map -> Size in
                let limit = FeatureMapPanel.textMaxRows * perCell
                let factor = (map.rows + limit - 1) / limit
                let rows = (map.rows + factor - 1) / factor
                return Size(width: (map.columns + factor - 1) / factor, height: (rows + perCell - 1) / perCell)
            }
            guard let widest = boxes.map(\.width).max(), let tallest = boxes.map(\.height).max() else { continue }
            let perLine = max(1, (width + 2) / (widest + 2))
            for start in stride(from: 0, to: group.maps.count, by: perLine) {
                let maps = Array(group.maps[start..<min(group.maps.count, start + perLine)])
                items.append(.maps(maps, group, box: Size(width: min(widest, width), height: tallest)))
            }
        }
        return items + panel.notes.flatMap { wrap($0, false) }
    }
}
