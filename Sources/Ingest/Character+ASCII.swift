extension Character {
    /// Whether this is an ASCII letter or digit.
    var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
}
