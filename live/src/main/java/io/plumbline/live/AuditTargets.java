package io.plumbline.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/** Where the accounts of a multi-account audit come from: a file, or AWS Organizations. */
public final class AuditTargets {

    /** The role assumed in each account when only account ids are given. */
    public static final String DEFAULT_ROLE_NAME = "PlumblineAudit";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    private AuditTargets() {
    }

    /** A malformed accounts file: the message names the file and line. */
    public static final class BadAccountsFile extends IllegalArgumentException {
        public BadAccountsFile(String message) {
            super(message);
        }
    }

    /**
     * An accounts file: one account per line, either a 12-digit account id (the role {@code roleName} is assumed in
     * it) or a role ARN; blank lines and {@code #} comments are ignored.
     */
    public static List<AuditTarget> fromFile(Path file, String roleName) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<AuditTarget> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) continue;
            if (ACCOUNT_ID.matcher(entry).matches()) {
                out.add(new AuditTarget(entry, roleArn("aws", entry, roleName)));
            } else if (ROLE_ARN.matcher(entry).matches()) {
                out.add(AuditTarget.role(entry));
            } else {
                throw new BadAccountsFile(file + ":" + (i + 1) + ": expected a 12-digit account id or a role ARN "
                        + "(arn:aws:iam::123456789012:role/NAME), found '" + entry + "'");
            }
        }
        if (out.isEmpty()) throw new BadAccountsFile(file + ": no account listed");
        return out;
    }

    /**
     * Every ACTIVE account of the caller's organization (organizations:ListAccounts, from the management or a
     * delegated administrator account), each audited through the role {@code roleName}.
     */
    public static List<AuditTarget> organization(AuditOptions options, String roleName) {
        Clients clients = new Clients(options);
        List<AuditTarget> out = new ArrayList<>();
        try (OrganizationsClient org = clients.build(OrganizationsClient.builder(), clients.globalRegion())) {
            for (var page : org.listAccountsPaginator(b -> { })) {
                for (var a : page.accounts()) {
                    if (a.status() != AccountStatus.ACTIVE) continue;
                    String partition = a.arn() != null && a.arn().startsWith("arn:") ? a.arn().split(":")[1] : "aws";
                    out.add(new AuditTarget(a.id(), roleArn(partition, a.id(), roleName)));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(AuditTarget::account));
        return out;
    }

    static String roleArn(String partition, String account, String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }
}
