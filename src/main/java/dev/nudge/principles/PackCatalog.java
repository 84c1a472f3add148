package dev.nudge.principles;

import dev.nudge.chat.UserInputException;
import java.util.List;
import java.util.Map;

/** Every loaded pack and the default one. */
public final class PackCatalog {
    private final Map<String, PrinciplePack> packs;
    private final PrinciplePack defaultPack;

    public PackCatalog(Map<String, PrinciplePack> packs, String defaultName) {
        this.packs = Map.copyOf(packs);
        this.defaultPack = this.packs.get(defaultName);
        if (defaultPack == null) {
            throw new dev.nudge.config.ConfigException("NUDGE_DEFAULT_PACK is '" + defaultName
                    + "' but no pack has that name. Packs found: " + names());
        }
    }

    public PrinciplePack defaultPack() {
        return defaultPack;
    }

    public PrinciplePack byName(String name) {
        PrinciplePack pack = packs.get(name);
        if (pack == null) {
            throw new UserInputException("There is no principle pack called '" + name + "'. Packs: "
                    + String.join(", ", names()) + ".");
        }
        return pack;
    }

    /** The pack, or the default when a channel's stored pack has since been removed from disk. */
    public PrinciplePack byNameOrDefault(String name) {
        return name == null ? defaultPack : packs.getOrDefault(name, defaultPack);
    }

    public List<String> names() {
        return packs.keySet().stream().sorted().toList();
    }

    public List<PrinciplePack> all() {
        return names().stream().map(packs::get).toList();
    }
}
