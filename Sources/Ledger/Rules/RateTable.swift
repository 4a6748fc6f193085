/// The per-pupil amounts of one funding year, in every version DUO published: the regelingen
/// are republished with corrections, so funding "as known at T" uses the version current on T.
/// Loaded from `Schemas/rates/<year>.json`.
public struct RateTable: Decodable, Sendable {
    /// One published version of the year's amounts.
    public struct Version: Decodable, Sendable {
        /// Its publication date.
        public var published: Day
        /// The legal source (regeling, BWB id, article).
        public var source: String
        /// The parts of the ondersteuningsbekostiging it covers (`personeel`, `materieel`).
        public var parts: [String]
        /// The amounts per band and category.
        public var amounts: [Amount]

        /// The amount per pupil for `band` and `category`, when the version has one.
        public func perPupil(_ band: RateBand, _ category: FundingCategory) -> Money? {
            amounts.first { $0.band == band && $0.category == category }?.perPupil
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = try container.decode(String.self, forKey: .published)
            guard let day = Day(iso: text) else {
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.published], debugDescription: "published '\(text)' is not jjjj-mm-dd"))
            }
            published = day
            source = try container.decode(String.self, forKey: .source)
            parts = try container.decode([String].self, forKey: .parts)
            amounts = try container.decode([Amount].self, forKey: .amounts)
        }

        private enum CodingKeys: String, CodingKey { case published, source, parts, amounts }
    }

    /// One amount per pupil.
    public struct Amount: Decodable, Sendable {
        /// The band.
        public var band: RateBand
        /// The category.
        public var category: FundingCategory
        /// The amount per pupil.
        public var perPupil: Money
        /// The article and cell it comes from.
        public var source: String

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            band = try container.decode(RateBand.self, forKey: .band)
            let letter = try container.decode(String.self, forKey: .category)
            guard let category = FundingCategory(rawValue: letter) else {
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.category], debugDescription: "category '\(letter)' is not L, M or H"))
            }
            self.category = category
            let euro = try container.decode(String.self, forKey: .euro)
            guard let money = Money(euros: euro) else {
                throw Swift.DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.euro], debugDescription: "'\(euro)' is not euro text like 9059.77"))
            }
            perPupil = money
            source = try container.decode(String.self, forKey: .source)
        }

        private enum CodingKeys: String, CodingKey { case band, category, euro, source }
    }

    /// The funding year, `2015-2016` or `2023`.
    public var year: String
    /// Every published version.
    public var versions: [Version]

    /// The version current as known at `day` (the latest of all when nil): the latest
    /// published on or before it.
    public func version(knownAt day: Day?) -> Version? {
        versions.filter { version in day.map { version.published <= $0 } ?? true }.max { $0.published < $1.published }
    }
}
