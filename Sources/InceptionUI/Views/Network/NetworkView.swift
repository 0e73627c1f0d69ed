import Foundation
import InceptionCore

/// Tab 2: the network (the tiny one, or torchvision's GoogLeNet from `--weights`) run
/// one layer at a time on one input. The layers are
/// listed on the left with the multiplies and time of each step computed; the
/// main panel shows what the last step computed (an Inception module's four
/// branches side by side, pooled or convolved maps, the GAP vector, logits,
/// probabilities), a branch's learned kernels (`k`), or the input gallery (`i`).
///
/// Steps are computed in `handle` (a few milliseconds each in release), and the
/// results are kept in the view's state, so rendering never computes anything.
public struct NetworkView: ExplorerView {
    public let id = ViewID.network
    var run: NetworkRun
    /// Where the weights came from, or why they are untrained.
    var weights: WeightsNote
    /// The `--image` file, offered in the gallery.
    let imageFile: NetworkInput?
    /// The shipped photos, prepared for a photo network (empty for the tiny one).
    let photos: [NetworkInput]
    /// Decides how maps fit (half blocks or one pixel per cell) when paging and saving.
    let theme: Theme
    /// Where `e` saves its PGM files.
    let exportDirectory: String
    /// Shown instead of the measured step times (tests, so snapshots are stable).
    let fixedSeconds: Double?

    var branch = 0
    var page = 0
    var scale = FeatureScale.branch
    var showKernels = false
    var gallery: InputGallery?
    /// How many random test images were drawn (the next one's seed).
    var randomPicks = 0

    /// What the view says about its weights.
    public struct WeightsNote: Sendable, Equatable {
        public let trained: Bool
        public let text: String

        public init(trained: Bool, text: String) {
            self.trained = trained
            self.text = text
        }
    }

    public init(network: InceptionNetwork, weights: WeightsNote, input: NetworkInput, imageFile: NetworkInput? = nil,
                photos: [NetworkInput] = [], theme: Theme, exportDirectory: String = ".", fixedSeconds: Double? = nil) {
        run = NetworkRun(network: network, input: input)
        self.weights = weights
        self.imageFile = imageFile
        self.photos = photos
        self.theme = theme
        self.exportDirectory = exportDirectory
        self.fixedSeconds = fixedSeconds
    }

    /// The view for this run: a photo network (3-channel input) from `--weights` on the
    /// `--image` file or the first shipped photo; otherwise the tiny network with the
    /// weights from `--weights` or the package's `Weights/tiny.safetensors`, falling back
    /// to seeded random weights (said in the view) when there are none, on the `--image`
    /// file when given, else the first test image.
    public static func load(options: ExplorerOptions, currentDirectory: String = ".") -> NetworkView {
        if let path = options.weightsPath, let loaded = try? WeightsLocator.anyNetwork(option: path),
           loaded.network.description.input.c == 3 {
            let photos = ShippedPhotos.paths.compactMap { try? NetworkInput.file($0, channels: 3) }
            let file = options.imagePath.flatMap { try? NetworkInput.file($0, channels: 3) }
            return NetworkView(network: loaded.network, weights: WeightsNote(trained: true, text: loaded.origin),
                               input: file ?? photos.first ?? NetworkInput.testSample(0, channels: 3), imageFile: file,
                               photos: photos, theme: Theme(options.capabilities), exportDirectory: currentDirectory)
        }
        let path = options.weightsPath ?? TrainedWeights.packagePath
        let (network, untrained) = TrainedWeights.tiny(path: path)
        let note = WeightsNote(trained: untrained == nil, text: untrained ?? "trained weights from \(path)")
        let file = options.imagePath.flatMap { try? NetworkInput.file($0) }
        return NetworkView(network: network, weights: note, input: file ?? .testSample(0), imageFile: file,
                           theme: Theme(options.capabilities), exportDirectory: currentDirectory)
    }

    public var keyBindings: [KeyBinding] {
        if gallery != nil {
            return [KeyBinding("← → ↑ ↓", "choose"), KeyBinding("Enter", "use this input"), KeyBinding("Esc i", "close")]
        }
        return [
            KeyBinding("Space →", "step"), KeyBinding("←", "back"), KeyBinding("r", "reset"), KeyBinding("a", "all"),
            KeyBinding("i", "input"), KeyBinding("k", showKernels ? "maps" : "kernels"), KeyBinding("s", "scale"),
            KeyBinding("[ ]", "page"), KeyBinding("↑↓", "branch"), KeyBinding("e", "save PGM"),
        ]
    }

    // MARK: - Input

    public mutating func handle(_ input: ViewInput, area: Rect) -> [ViewCommand] {
        if case .click(let x, let y) = input, gallery == nil { click(x: x, y: y, area: area) }
        guard case .key(let key) = input else { return [] }
        if gallery != nil { return galleryKey(key, area: area) }
        switch key {
        case .character(" "), .right, .character("l"):
            guard run.stepForward() else { return [.message("the run is complete: ← steps back, r resets")] }
            stepChanged()
        case .left, .character("h"):
            guard run.stepBack() else { return [.message("at the input: Space runs the first layer")] }
            stepChanged()
        case .character("r"):
            run.reset()
            stepChanged()
        case .character("a"):
            run.runToEnd()
            stepChanged()
        case .up: branch = max(0, branch - 1)
        case .down, .character("j"): branch = min(branchCount - 1, branch + 1)
        case .character("]"): page = min(page + 1, maxPage(area: area))
        case .character("["): page = max(0, page - 1)
        case .character("s"): scale = scale.next
        case .character("k"):
            guard !run.kernelsShown(step: shownStep, branch: branchName).isEmpty else {
                return [.message("this step has no learned kernels")]
            }
            showKernels.toggle()
            page = 0
        case .character("e"): return export(area: area)
        case .character("i"): gallery = InputGallery(selected: galleryIndex)
        default: break
        }
        return []
    }

    /// A click on a step in the layer list runs (or steps back) to just after
    /// it; a click on a branch column selects that branch.
    private mutating func click(x: Int, y: Int, area: Rect) {
        let main = Self.mainInner(area)
        if x < main.x - 1 {
            let step = y - Self.firstStepRow(area)
            guard step >= 0, step < run.stepCount else { return }
            while run.next > step + 1 { run.stepBack() }
            while run.next < step + 1 { run.stepForward() }
            stepChanged()
        } else if let count = shownResult?.branches.count, count > 0, !showKernels, main.contains(x: x, y: y) {
            let width = Self.branchColumnWidth(main.width, count: count)
            branch = min(count - 1, (x - main.x) / (width + 1))
        }
    }

    /// The step whose result the main panel shows: the last one run, nil at the input.
    var shownStep: Int? { run.results.isEmpty ? nil : run.results.count - 1 }

    var shownResult: StepResult? { run.results.last }

    var branchCount: Int { max(1, shownResult?.branches.count ?? 1) }

    /// The selected branch's name in an Inception step.
    var branchName: String? {
        guard let branches = shownResult?.branches, !branches.isEmpty else { return nil }
        return branches[min(branch, branches.count - 1)].name
    }

    private mutating func stepChanged() {
        page = 0
        branch = min(branch, branchCount - 1)
        if showKernels, run.kernelsShown(step: shownStep, branch: branchName).isEmpty { showKernels = false }
    }

    private func maxPage(area: Rect) -> Int {
        painted(area: area).pages - 1
    }

    /// Writes every map on screen as a PGM file named after the step, branch and
    /// channel, then an index (`NAME-maps.txt`) giving each file's scale, which a
    /// PGM cannot hold. The index is written last, so the status line names it.
    private func export(area: Rect) -> [ViewCommand] {
        let tiles = painted(area: area).tiles
        guard !tiles.isEmpty else { return [.message("no maps on screen to save")] }
        let directory = exportDirectory.hasSuffix("/") ? String(exportDirectory.dropLast()) : exportDirectory
        let stem = tiles[0].name.split(separator: "-").first.map(String.init) ?? "network"
        let index = ["# \(run.input.title), \(weights.text); black is min, white is max (\(scale.label))"]
            + tiles.map { "\($0.name).pgm \($0.columns)x\($0.rows) \($0.range.text)" }
        return tiles.map { .effect(.writeFile(path: "\(directory)/\($0.name).pgm", contents: $0.pgm())) }
            + [.effect(.writeFile(path: "\(directory)/\(stem)-maps.txt", contents: Array((index.joined(separator: "\n") + "\n").utf8)))]
    }

    // MARK: - Input gallery

    /// The gallery's entries: the shipped photos for a photo network, else one test image
    /// per class and a random test image; then the `--image` file.
    var galleryEntries: [InputGallery.Entry] {
        if !photos.isEmpty {
            // `--image Photos/chelsea.png` is already in the gallery.
            let file = imageFile.flatMap { f in photos.contains { $0.source == f.source } ? nil : f }
            return photos.map { .sample($0) } + (file.map { [.file($0)] } ?? [])
        }
        return ShapeClass.allCases.map { InputGallery.Entry.sample(.testSample($0.rawValue)) }
            + [.random] + (imageFile.map { [InputGallery.Entry.file($0)] } ?? [])
    }

    /// The gallery entry of the current input (the random entry for other test images).
    private var galleryIndex: Int {
        if !photos.isEmpty {
            return galleryEntries.firstIndex { $0.input?.source == run.input.source } ?? 0
        }
        return switch run.input.source {
        case .testSample(let index): index < ShapeClass.count ? index : ShapeClass.count
        case .file: ShapeClass.count + 1
        }
    }

    private mutating func galleryKey(_ key: Key, area: Rect) -> [ViewCommand] {
        guard var gallery else { return [] }
        let count = galleryEntries.count
        let columns = InputGallery.columns(area: InputGallery.area(in: area), theme: theme, count: count)
        switch key {
        case .escape, .character("i"):
            self.gallery = nil
            return []
        case .enter:
            self.gallery = nil
            choose(galleryEntries[gallery.selected])
            return [.message("input: \(run.input.title)")]
        default:
            switch key.direction {
            case .left: gallery.selected = max(0, gallery.selected - 1)
            case .right: gallery.selected = min(count - 1, gallery.selected + 1)
            case .up: gallery.selected = max(0, gallery.selected - columns)
            case .down: gallery.selected = min(count - 1, gallery.selected + columns)
            case nil: break
            }
        }
        self.gallery = gallery
        return []
    }

    private mutating func choose(_ entry: InputGallery.Entry) {
        switch entry {
        case .sample(let input), .file(let input): run.restart(with: input)
        case .random:
            var rng = SeededGenerator(seed: 0x5EED_0000 &+ UInt64(randomPicks))
            randomPicks += 1
            run.restart(with: .testSample(Int(rng.next() % UInt64(DatasetSplit.test.count)), channels: run.network.description.input.c))
        }
        stepChanged()
        showKernels = false
    }
}

extension NetworkView {
    /// Runs a variant retrained in the Costs view (its weights file) from the first step.
    public mutating func show(_ variant: TrainedVariant) -> [ViewCommand] {
        do {
            let network = try NetworkFile.load(path: variant.weightsPath)
            run = NetworkRun(network: network, input: run.input)
            let accuracy = NumberText.decimal(100 * variant.accuracy, places: 1, grouped: false)
            weights = WeightsNote(trained: true, text: "retrained variant \(variant.widths), test accuracy \(accuracy)%, from \(variant.weightsPath)")
            (branch, page, showKernels, gallery) = (0, 0, false, nil)
            return [.message("showing the retrained variant")]
        } catch {
            return [.message("cannot show the variant: \(error)")]
        }
    }
}
