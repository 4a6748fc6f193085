extension Release {
    /// The order of releases within a scope: publication date, then file hash so that two
    /// releases published the same day order the same whatever the order of loading.
    public static func precedes(_ a: Release, _ b: Release) -> Bool {
        if a.publishedOn != b.publishedOn { return a.publishedOn < b.publishedOn }
        return a.fileSHA256.lexicographicallyPrecedes(b.fileSHA256)
    }
}
