package com.sladesk.catalogue;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sladesk.system.DuplicateException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.system.NowAndAfterTransaction;
import com.sladesk.system.AnswerCache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: the components in the SLA's scope, their groups, and managing both. */
@Service
@Transactional(readOnly = true)
public class ComponentCatalogue {

    /** A component's code: immutable, lower case, as incidents, windows and contracts name it. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");

    private final ServiceComponentRepository components;
    private final ComponentGroupRepository groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Codes of components seen in service, with when they were read: an incident or window naming
     * only such codes needs no query. An entry is trusted for 10 s (a component retired on another
     * node is refused within that), and dropped at once when this node retires it.
     */
    private final Map<String, Long> usable = new ConcurrentHashMap<>();
    static final long USABLE_FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);

    ComponentCatalogue(ServiceComponentRepository components, ComponentGroupRepository groups,
            ApplicationEventPublisher events, Clock clock) {
        this.components = components;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Every component, retired ones included (their history stays on the status page). Read by
     * every incident opened and every status notice, and changed a few times a year: kept until a
     * component or group changes on this node, and at most a second (changes on another node).
     */
    public List<ComponentInfo> all() {
        return everything.get("all", CatalogueChanges.VERSION.current(),
                () -> components.findAllByOrderByName().stream().map(ServiceComponent::toInfo).toList());
    }

    private final AnswerCache<String, List<ComponentInfo>> everything = new AnswerCache<>(java.time.Duration.ofSeconds(1), 4);

    /** The components that take new incidents and maintenance. */
    public List<ComponentInfo> inService() {
        return all().stream().filter(c -> !c.retired()).toList();
    }

    public Optional<ComponentInfo> findByCode(String code) {
        return components.findByCode(code).map(ServiceComponent::toInfo);
    }

    /** The component an outside system names by code or by name, in any case (Alertmanager's label, gRPC). */
    public Optional<ComponentInfo> findByCodeOrName(String given) {
        String name = given == null ? "" : given.trim();
        return name.isEmpty() ? Optional.empty() : all().stream()
                .filter(c -> c.code().equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<GroupInfo> groups() {
        return groups.findAllByOrderByName().stream().map(ComponentGroup::toInfo).toList();
    }

    /** How a list of component codes names a whole group: {@code group:<name>}. */
    public static final String GROUP_PREFIX = "group:";

    /**
     * {@code targets} with each {@code group:<name>} replaced by the codes of that group's components
     * in service (a window or subscription aimed at a group); a group that does not exist is a 400
     * naming {@code field}.
     */
    public List<String> expandGroups(String field, Collection<String> targets) {
        if (targets.stream().noneMatch(t -> t != null && t.startsWith(GROUP_PREFIX))) {
            return List.copyOf(targets);
        }
        List<ComponentInfo> inService = inService();
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        for (String target : targets) {
            if (target == null || !target.startsWith(GROUP_PREFIX)) {
                codes.add(target);
                continue;
            }
            String name = target.substring(GROUP_PREFIX.length()).trim();
            if (groups().stream().noneMatch(g -> g.name().equals(name))) {
                throw new com.sladesk.system.InvalidInputException(field, "unknown", "not a component group: " + name);
            }
            inService.stream().filter(c -> name.equals(c.group())).forEach(c -> codes.add(c.code()));
        }
        return List.copyOf(codes);
    }

    /** The codes among {@code codes} that are not in the catalogue, or whose component is retired. */
    public List<String> unknownCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        long now = System.nanoTime();
        if (codes.stream().allMatch(c -> fresh(c, now))) {
            return List.of();
        }
        components.findByCodeIn(codes).stream().filter(c -> !c.isRetired())
                .forEach(c -> usable.put(c.toInfo().code(), now));
        return codes.stream().filter(c -> !fresh(c, now)).distinct().toList();
    }

    private boolean fresh(String code, long now) {
        Long seen = usable.get(code);
        return seen != null && now - seen < USABLE_FRESH_FOR_NANOS;
    }

    /** Adds a component (the demo data's way: no audit, no checks beyond the database's). */
    @Transactional
    public ComponentInfo add(String code, String name, String description, boolean beta) {
        return components.save(new ServiceComponent(code, name, description, beta, null)).toInfo();
    }

    /** An administrator adds a component; the code is checked and can never change. */
    @Transactional
    public ComponentInfo create(ComponentDraft draft, String actor) {
        String code = draft.code() == null ? "" : draft.code().trim();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "pattern", "must be 2 to 40 of a-z, 0-9 and '-'");
        }
        if (components.findByCode(code).isPresent()) {
            throw new DuplicateException("code", "a component with code " + code + " exists");
        }
        String name = name(draft.name(), null);
        ComponentInfo saved = components.saveAndFlush(new ServiceComponent(code, name, description(draft.description()),
                draft.beta(), group(draft.group()))).toInfo();
        events.publishEvent(new ComponentChanged(actor, "create", "component", saved.id(), describe(null, saved)));
        return saved;
    }

    /** Renames, regroups or re-describes a component; its code stays. */
    @Transactional
    public ComponentInfo change(String code, ComponentDraft draft, String actor) {
        ServiceComponent component = components.findByCode(code)
                .orElseThrow(() -> new NotFoundException("Component", code));
        if (draft.code() != null && !draft.code().equals(code)) {
            throw new InvalidInputException("code", "immutable", "a component's code never changes");
        }
        ComponentInfo before = component.toInfo();
        component.change(name(draft.name(), before.id()), description(draft.description()), draft.beta(),
                group(draft.group()));
        ComponentInfo after = components.saveAndFlush(component).toInfo();
        events.publishEvent(new ComponentChanged(actor, "change", "component", after.id(), describe(before, after)));
        return after;
    }

    /** Retires a component: it keeps its incidents and uptime bars and takes nothing new. */
    @Transactional
    public ComponentInfo retire(String code, String actor) {
        ServiceComponent component = components.findByCode(code)
                .orElseThrow(() -> new NotFoundException("Component", code));
        ComponentInfo before = component.toInfo();
        if (!before.retired()) {
            component.retire(clock.instant());
        }
        ComponentInfo after = component.toInfo();
        NowAndAfterTransaction.run(() -> usable.remove(code));
        events.publishEvent(new ComponentChanged(actor, "retire", "component", after.id(), describe(before, after)));
        return after;
    }

    @Transactional
    public GroupInfo createGroup(String name, String actor) {
        String checked = groupName(name, null);
        GroupInfo saved = groups.saveAndFlush(new ComponentGroup(checked, clock.instant())).toInfo();
        events.publishEvent(new ComponentChanged(actor, "create", "component-group", saved.id(), "name: " + checked));
        return saved;
    }

    @Transactional
    public GroupInfo renameGroup(long id, String name, String actor) {
        ComponentGroup group = groups.findById(id).orElseThrow(() -> new NotFoundException("Component group", id));
        String before = group.getName();
        group.rename(groupName(name, id));
        events.publishEvent(new ComponentChanged(actor, "rename", "component-group", id,
                "name: " + before + " → " + group.getName()));
        events.publishEvent(new ComponentGroupRenamed(id, before, group.getName()));
        return group.toInfo();
    }

    private String name(String name, Long self) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInputException("name", "size", "must be 1 to 200 characters");
        }
        components.findByNameIgnoreCase(trimmed).filter(c -> self == null || c.toInfo().id() != self).ifPresent(c -> {
                    throw new DuplicateException("name", "a component named " + trimmed + " exists");
                });
        return trimmed;
    }

    private static String description(String description) {
        if (description != null && description.length() > 1000) {
            throw new InvalidInputException("description", "size", "must be at most 1000 characters");
        }
        return description == null || description.isBlank() ? null : description.trim();
    }

    private String groupName(String name, Long self) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInputException("name", "size", "must be 1 to 200 characters");
        }
        groups.findByName(trimmed).filter(g -> self == null || !g.getId().equals(self)).ifPresent(g -> {
            throw new DuplicateException("name", "a group named " + trimmed + " exists");
        });
        return trimmed;
    }

    private ComponentGroup group(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return groups.findByName(name.trim())
                .orElseThrow(() -> new InvalidInputException("group", "unknown", "no component group " + name.trim()));
    }

    private static String describe(ComponentInfo before, ComponentInfo after) {
        String now = "code " + after.code() + ", name " + after.name() + ", group " + after.group() + ", beta "
                + after.beta() + (after.retired() ? ", retired" : "");
        if (before == null) {
            return now;
        }
        return "before: name " + before.name() + ", group " + before.group() + ", beta " + before.beta()
                + (before.retired() ? ", retired" : "") + "; after: " + now;
    }
}
