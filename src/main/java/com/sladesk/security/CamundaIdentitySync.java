package com.sladesk.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.organisation.UserAccountsChanged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the process engine's users, groups and memberships equal to ours, so that a task for
 * candidate group {@code sre} is offered to every user with role SRE. Our tables are the source;
 * the engine's copy is rewritten from them at start-up and whenever users change. Engine
 * passwords are random: people sign in through Spring Security only.
 */
@Component
class CamundaIdentitySync {

    private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySync.class);

    /** The group of the SRE leads, who review postmortems: staff named in {@code sladesk.security.sre-leads}. */
    static final String SRE_LEAD_GROUP = "sre-lead";

    private final Directory directory;
    private final IdentityService identity;
    /** VP Engineering, who approves the annual calibration: staff named in {@code sladesk.security.vp-engineering}. */
    static final String VP_ENGINEERING_GROUP = "vp-engineering";

    private final Set<String> sreLeads;
    private final Set<String> vpEngineering;

    CamundaIdentitySync(Directory directory, IdentityService identity,
            @Value("${sladesk.security.sre-leads:}") List<String> sreLeads,
            @Value("${sladesk.security.vp-engineering:}") List<String> vpEngineering) {
        this.directory = directory;
        this.identity = identity;
        this.sreLeads = sreLeads.stream().map(String::trim).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
        this.vpEngineering = vpEngineering.stream().map(String::trim).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        synchronise();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserAccountsChanged event) {
        synchronise();
    }

    synchronized void synchronise() {
        Set<String> managedGroups = Arrays.stream(Role.values()).map(Role::processGroup).flatMap(Optional::stream)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        managedGroups.add(SRE_LEAD_GROUP);
        managedGroups.add(VP_ENGINEERING_GROUP);
        for (String groupId : managedGroups) {
            if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
                Group group = identity.newGroup(groupId);
                group.setName(groupId);
                group.setType(groupId.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        }
        // staff only: customers work no process tasks, and thousands of them would slow every start
        List<UserAccount> accounts = directory.allUsers().stream()
                .filter(a -> a.role().processGroup().isPresent()).toList();
        Set<String> ours = accounts.stream().map(UserAccount::username).collect(Collectors.toSet());
        for (UserAccount account : accounts) {
            User user = identity.createUserQuery().userId(account.username()).singleResult();
            if (user == null) {
                user = identity.newUser(account.username());
                user.setPassword(UUID.randomUUID().toString());
            }
            user.setFirstName(account.username());
            user.setLastName(account.role().name().toLowerCase());
            user.setEmail(account.email());
            identity.saveUser(user);
            Set<String> wanted = new java.util.HashSet<>();
            if (account.enabled()) {
                account.role().processGroup().ifPresent(wanted::add);
                if (sreLeads.contains(account.username())) {
                    wanted.add(SRE_LEAD_GROUP);
                }
                if (vpEngineering.contains(account.username())) {
                    wanted.add(VP_ENGINEERING_GROUP);
                }
            }
            for (String groupId : managedGroups) {
                boolean member = identity.createUserQuery().userId(account.username()).memberOfGroup(groupId)
                        .count() > 0;
                if (wanted.contains(groupId) && !member) {
                    identity.createMembership(account.username(), groupId);
                }
                else if (!wanted.contains(groupId) && member) {
                    identity.deleteMembership(account.username(), groupId);
                }
            }
        }
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> !ours.contains(id))
                .forEach(identity::deleteUser);
        log.info("Process engine identity synchronised: {} users", accounts.size());
    }
}
