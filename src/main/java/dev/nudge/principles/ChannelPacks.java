package dev.nudge.principles;

import dev.nudge.chat.ConversationRef;
import java.time.Clock;

/** The principle pack in force in a channel: the one it picked, else the default. */
public final class ChannelPacks {
    private final PackCatalog catalog;
    private final ChannelPackRepository repository;
    private final Clock clock;

    public ChannelPacks(PackCatalog catalog, ChannelPackRepository repository, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.clock = clock;
    }

    public PrinciplePack forChannel(ConversationRef channel) {
        return catalog.byNameOrDefault(repository.packOf(channel).orElse(null));
    }

    public PrinciplePack choose(ConversationRef channel, String packName) {
        PrinciplePack pack = catalog.byName(packName);
        repository.choosePack(channel, pack.name(), clock.instant());
        return pack;
    }

    public PackCatalog catalog() {
        return catalog;
    }
}
