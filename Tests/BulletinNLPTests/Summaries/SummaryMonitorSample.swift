import Testing
@testable import BulletinNLP

/// The body of /work/shared/samples/monitor-v6-i23.txt (Monitor, volume 6, issue 23) without its header line.
enum SummaryMonitorSample {
    static let paragraphs: [String] = [
        """
        Moscow’s budding efforts to improve ties with the West are apparently extending also to its long-frozen relations with NATO. Top Russian officials have indicated in recent days that Moscow is prepared to begin resuming contacts with the Western alliance. Even Colonel General Leonid Ivashov, one of the Defense Ministry’s most notorious hardliners and a man who until recently has appeared to staunchly oppose a reconciliation with NATO, signaled yesterday that he was softening his stance. In comments made to reporters, Ivashov allowed that Russia has no choice but to resume cooperation with the Western alliance. As he and others have indicated, the first step in this process could take place during a scheduled visit to Moscow later this month by NATO Secretary-General George Robertson (Russian agencies, February 1).
        """,
        """
        What remains less clear are the terms under which this broader, putative reconciliation with the West is to take place. U.S. and European leaders are themselves clearly anxious to put recent tensions in the past. Despite some wariness about Putin’s background and the unseemly manner in which he has so far consolidated political power in Russia, they have generally gone out of their way to embrace him as a reformer and a man to lead Russia’s transformation in the post-Yeltsin era.
        """,
        """
        Yet this embrace of Putin, and the rush to repair relations with Russia, may be premature. It will likely compel Western leaders to swallow months–and perhaps years–of continued bloodshed and repression in the North Caucasus. Putin’s account of Russian foreign policy goals yesterday, moreover, air-brushed out a series of sharply confrontational assertions contained in a Cold War-style national security blueprint recently approved by the acting Russian president himself (see the Monitor, January 17).
        """,
        """
        That document may prove to be more declaratory than real, but it nevertheless reflects a retrograde, hardline attitude toward the West which is at the foundation of Putin’s current political alliance with Russian military and security leaders, who have profited enormously from recent East-West tensions, and are unlikely to rush to embrace any sort of new partnership with the West. Indeed, any effort at reconciliation between Moscow and the West, should it in fact occur, will likely involve a long and drawn out diplomatic struggle in which Russia’s resurgent hardline forces try to carve out a more influential position for Russia in Europe and elsewhere.
        """,
    ]
}
