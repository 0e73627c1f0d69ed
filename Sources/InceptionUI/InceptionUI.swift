import InceptionCore

/// The explorer's user interface: state, update, render into a canvas, backends.
public enum InceptionUI {}
