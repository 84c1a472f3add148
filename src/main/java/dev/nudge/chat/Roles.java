package dev.nudge.chat;

import java.util.List;
import java.util.Set;

/**
 * Who may do what: admins (NUDGE_ADMINS, or the platform's workspace admins) may do anything; leads (NUDGE_LEADS)
 * may run team-wide things. When no leads are configured, everyone counts as a lead, so a small team works without
 * set-up.
 */
public final class Roles {
    private final Set<String> admins;
    private final Set<String> leads;
    private final ChatGateways gateways;

    public Roles(List<String> admins, List<String> leads, ChatGateways gateways) {
        this.admins = Set.copyOf(admins);
        this.leads = Set.copyOf(leads);
        this.gateways = gateways;
    }

    /** NUDGE_ADMINS, or an admin of the workspace as the platform says (false when it cannot be asked). */
    public boolean isAdmin(ConversationRef where, String userId) {
        if (admins.contains(userId)) {
            return true;
        }
        try {
            return gateways.forConversation(where).isWorkspaceAdmin(where, userId);
        } catch (ChatDeliveryException e) {
            return false;
        }
    }

    /** A lead or an admin; anyone when no leads are configured. */
    public boolean isLead(ConversationRef where, String userId) {
        return leads.isEmpty() || leads.contains(userId) || isAdmin(where, userId);
    }
}
