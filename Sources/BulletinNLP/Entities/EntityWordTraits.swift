/// The word lists of ``EntityLexicon`` one word is on, as bits looked up once per token.
struct EntityWordTraits: OptionSet, Sendable {
    let rawValue: UInt32

    static let commonWord = EntityWordTraits(rawValue: 1 << 0)
    static let firstName = EntityWordTraits(rawValue: 1 << 1)
    static let surname = EntityWordTraits(rawValue: 1 << 2)
    static let country = EntityWordTraits(rawValue: 1 << 3)
    static let personTitle = EntityWordTraits(rawValue: 1 << 4)
    static let personTitleHead = EntityWordTraits(rawValue: 1 << 5)
    static let organizationSuffix = EntityWordTraits(rawValue: 1 << 6)
    static let miscellaneousSuffix = EntityWordTraits(rawValue: 1 << 7)
    static let placeNoun = EntityWordTraits(rawValue: 1 << 8)
    static let sportWord = EntityWordTraits(rawValue: 1 << 9)
    static let organizationHeadBeforeOf = EntityWordTraits(rawValue: 1 << 10)
    static let companyAbbreviation = EntityWordTraits(rawValue: 1 << 11)
    static let placeHeadBeforeOf = EntityWordTraits(rawValue: 1 << 12)
    static let placeSuffix = EntityWordTraits(rawValue: 1 << 13)
    static let nameParticle = EntityWordTraits(rawValue: 1 << 14)
    static let nonEntity = EntityWordTraits(rawValue: 1 << 15)
    static let reportingVerb = EntityWordTraits(rawValue: 1 << 16)
    static let organizationContextAfter = EntityWordTraits(rawValue: 1 << 17)
    static let organizationContextBefore = EntityWordTraits(rawValue: 1 << 18)
    static let placePreposition = EntityWordTraits(rawValue: 1 << 19)
    static let organizationAppositive = EntityWordTraits(rawValue: 1 << 20)
    static let organizationLead = EntityWordTraits(rawValue: 1 << 21)
    static let placeAdjective = EntityWordTraits(rawValue: 1 << 22)
    static let linkingVerb = EntityWordTraits(rawValue: 1 << 23)
}
