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

    private final Directory directory;
    private final IdentityService identity;

    CamundaIdentitySync(Directory directory, IdentityService identity) {
        this.directory = directory;
        this.identity = identity;
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
                .collect(Collectors.toSet());
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
            String wanted = account.enabled() ? account.role().processGroup().orElse(null) : null;
            for (String groupId : managedGroups) {
                boolean member = identity.createUserQuery().userId(account.username()).memberOfGroup(groupId)
                        .count() > 0;
                if (groupId.equals(wanted) && !member) {
                    identity.createMembership(account.username(), groupId);
                }
                else if (!groupId.equals(wanted) && member) {
                    identity.deleteMembership(account.username(), groupId);
                }
            }
        }
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> !ours.contains(id))
                .forEach(identity::deleteUser);
        log.info("Process engine identity synchronised: {} users", accounts.size());
    }
}
