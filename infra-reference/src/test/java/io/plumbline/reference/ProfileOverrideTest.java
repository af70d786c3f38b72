package io.plumbline.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.profile.Profile;
import io.plumbline.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileOverrideTest {
    @TempDir
    Path tmp;

    @Test
    void referenceProfileCarriesTheArchitecture() {
        Profile p = ReferenceArchitecture.profile();
        assertEquals("reference", p.name());
        assertEquals(3, p.minimumAvailabilityZones());
        assertEquals(7, p.aurora().backupRetentionDays());
        assertEquals(List.of(22, 3389), p.network().adminPorts());
        assertTrue(p.roles().protectedBucketRoles().containsAll(List.of("tfstate", "logs", "backups")));
    }

    @Test
    void userProfileOverridesOnlyWhatItSays() throws Exception {
        Path f = tmp.resolve("mine.yaml");
        Files.writeString(f, "name: payments\naurora:\n  backupRetentionDays: 14\nnetwork:\n  adminPorts: [22]\n");
        Profile p = ReferenceArchitecture.profile(f);
        assertEquals("payments", p.name());
        assertEquals(14, p.aurora().backupRetentionDays());
        assertEquals(1, p.aurora().minimumReaders(), "untouched keys keep the reference value");
        assertEquals(List.of(22), p.network().adminPorts(), "lists replace");
        assertEquals("plumbline:tier", p.network().tierTag());
    }

    @Test
    void unknownKeyIsRefusedNamingIt() throws Exception {
        Path f = tmp.resolve("typo.yaml");
        Files.writeString(f, "aurora:\n  backupRetentionDayz: 14\n");
        InputException e = assertThrows(InputException.class, () -> ReferenceArchitecture.profile(f));
        assertTrue(e.getMessage().contains("backupRetentionDayz"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void malformedProfileNamesTheLine() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "aurora:\n  backupRetentionDays: [14\n");
        InputException e = assertThrows(InputException.class, () -> ReferenceArchitecture.profile(f));
        assertTrue(e.line() > 0, e.getMessage());
    }

    @Test
    void wrongTypeIsRefused() throws Exception {
        Path f = tmp.resolve("type.yaml");
        Files.writeString(f, "minimumAvailabilityZones: three\n");
        InputException e = assertThrows(InputException.class, () -> ReferenceArchitecture.profile(f));
        assertTrue(e.getMessage().contains("minimumAvailabilityZones"), e.getMessage());
    }
}
