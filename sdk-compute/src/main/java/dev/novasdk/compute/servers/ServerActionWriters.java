package dev.novasdk.compute.servers;

import dev.novasdk.core.http.Microversion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The encodings of the move actions whose bodies need explicit nulls or values of two types, and the
 * microversions their fields name (Nova's migrate_server and evacuate schemas).
 */
final class ServerActionWriters {
    static final Microversion V2_13 = Microversion.of(2, 13);
    static final Microversion V2_14 = Microversion.of(2, 14);
    static final Microversion V2_24 = Microversion.of(2, 24);
    static final Microversion V2_25 = Microversion.of(2, 25);
    static final Microversion V2_29 = Microversion.of(2, 29);
    static final Microversion V2_30 = Microversion.of(2, 30);
    static final Microversion V2_67 = Microversion.of(2, 67);

    private ServerActionWriters() {}

    /** {@code os-migrateLive}: {@code host} is always present (null for the scheduler), as the schema requires. */
    static final class LiveMigrate extends MapWriter<ServerLiveMigrate> {
        private static final long serialVersionUID = 1L;

        LiveMigrate() {
            super(ServerLiveMigrate.class);
        }

        @Override
        Object document(ServerLiveMigrate v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", v.host().orElse(null));
            m.put("block_migration", v.blockMigration().<Object>map(b -> b).orElse("auto"));
            v.diskOverCommit().ifPresent(b -> m.put("disk_over_commit", b));
            v.force().ifPresent(b -> m.put("force", b));
            return Map.of("os-migrateLive", m);
        }
    }

    /** {@code evacuate}: only the fields set. */
    static final class Evacuate extends MapWriter<ServerEvacuate> {
        private static final long serialVersionUID = 1L;

        Evacuate() {
            super(ServerEvacuate.class);
        }

        @Override
        Object document(ServerEvacuate v) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.host().ifPresent(h -> m.put("host", h));
            v.adminPassword().ifPresent(p -> m.put("adminPass", p));
            v.onSharedStorage().ifPresent(b -> m.put("onSharedStorage", b));
            v.force().ifPresent(b -> m.put("force", b));
            return Map.of("evacuate", m);
        }
    }
}
