package com.sladesk.organisation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationAdmin;
import com.sladesk.organisation.OrganisationDraft;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.organisation.Role;
import com.sladesk.organisation.UserAccount;
import com.sladesk.organisation.UserAdmin;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administration pages for organisations and users (ADMIN), on the services the API uses. */
@Controller
class AdministrationPageController {

    static final String ORGANISATIONS = "admin/organisations";
    static final String ORGANISATION = "admin/organisation";
    static final String USERS = "admin/users";
    static final String USER = "admin/user";

    private final Directory directory;
    private final OrganisationAdmin organisations;
    private final UserAdmin users;
    private final ComponentCatalogue catalogue;

    AdministrationPageController(Directory directory, OrganisationAdmin organisations, UserAdmin users,
            ComponentCatalogue catalogue) {
        this.directory = directory;
        this.organisations = organisations;
        this.users = users;
        this.catalogue = catalogue;
    }

    /** The organisation form: text as typed, so a wrong amount comes back with its message. */
    static class OrganisationForm {
        private String name;
        private String monthlyFee;
        private String currency = "USD";
        private String noticeEmail;
        private String billingEmail;
        private List<String> components = new ArrayList<>();

        static OrganisationForm of(OrganisationInfo o) {
            OrganisationForm form = new OrganisationForm();
            form.name = o.name();
            form.monthlyFee = o.monthlyFee().toPlainString();
            form.currency = o.currency();
            form.noticeEmail = o.noticeEmail();
            form.billingEmail = o.billingEmail();
            form.components = new ArrayList<>(o.components());
            return form;
        }

        OrganisationDraft draft() {
            BigDecimal fee;
            try {
                fee = monthlyFee == null || monthlyFee.isBlank() ? null : new BigDecimal(monthlyFee.trim());
            }
            catch (NumberFormatException e) {
                throw new com.sladesk.system.InvalidInputException("monthlyFee", "amount", "must be an amount such as 2500.00");
            }
            return new OrganisationDraft(name, fee, currency == null ? null : currency.trim().toUpperCase(),
                    noticeEmail, billingEmail, components);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getMonthlyFee() { return monthlyFee; }
        public void setMonthlyFee(String monthlyFee) { this.monthlyFee = monthlyFee; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public String getNoticeEmail() { return noticeEmail; }
        public void setNoticeEmail(String noticeEmail) { this.noticeEmail = noticeEmail; }
        public String getBillingEmail() { return billingEmail; }
        public void setBillingEmail(String billingEmail) { this.billingEmail = billingEmail; }
        public List<String> getComponents() { return components; }
        public void setComponents(List<String> components) { this.components = components; }
    }

    static class InvitationForm {
        private String email;
        private Role role;
        private Long organisationId;
        private String username;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
    }

    static class UserForm {
        private Role role;
        private Long organisationId;

        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return Arrays.asList(Role.values());
    }

    // ---- organisations

    @GetMapping("/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("organisationForm", new OrganisationForm());
        return organisationsPage(model);
    }

    private String organisationsPage(Model model) {
        model.addAttribute("organisations", directory.allOrganisations());
        model.addAttribute("catalogue", catalogue.inService());
        return ORGANISATIONS;
    }

    @PostMapping("/admin/organisations")
    String createOrganisation(@ModelAttribute("organisationForm") OrganisationForm form, BindingResult result,
            Authentication user, Model model, RedirectAttributes redirect) {
        try {
            OrganisationInfo created = organisations.create(form.draft(), user.getName());
            redirect.addFlashAttribute("message", "Organisation " + created.name() + " created.");
            return "redirect:/admin/organisations";
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return organisationsPage(model);
        }
    }

    @GetMapping("/admin/organisations/{id}")
    String organisation(@PathVariable long id, Model model) {
        OrganisationInfo organisation = findOrganisation(id);
        model.addAttribute("organisationForm", OrganisationForm.of(organisation));
        return organisationPage(organisation, model);
    }

    private String organisationPage(OrganisationInfo organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("catalogue", catalogue.all());
        model.addAttribute("members", directory.allUsers().stream()
                .filter(u -> Long.valueOf(organisation.id()).equals(u.organisationId())).toList());
        return ORGANISATION;
    }

    @PostMapping("/admin/organisations/{id}")
    String changeOrganisation(@PathVariable long id, @ModelAttribute("organisationForm") OrganisationForm form,
            BindingResult result, Authentication user, Model model, RedirectAttributes redirect) {
        OrganisationInfo organisation = findOrganisation(id);
        try {
            organisations.change(id, form.draft(), user.getName());
            redirect.addFlashAttribute("message", "Saved.");
            return "redirect:/admin/organisations/" + id;
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return organisationPage(organisation, model);
        }
    }

    @PostMapping("/admin/organisations/{id}/deactivate")
    String deactivateOrganisation(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        OrganisationInfo organisation = organisations.deactivate(id, user.getName());
        redirect.addFlashAttribute("message", organisation.name() + " is deactivated: its customers can no longer"
                + " sign in; its history, claims and credits stay.");
        return "redirect:/admin/organisations/" + id;
    }

    private OrganisationInfo findOrganisation(long id) {
        return directory.findOrganisation(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    // ---- users

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("invitationForm", new InvitationForm());
        return usersPage(model);
    }

    private String usersPage(Model model) {
        model.addAttribute("users", directory.allUsers().stream().map(UserView::of).toList());
        model.addAttribute("organisations", directory.allOrganisations().stream().filter(OrganisationInfo::active).toList());
        return USERS;
    }

    @PostMapping("/admin/users")
    String invite(@ModelAttribute("invitationForm") InvitationForm form, BindingResult result, Authentication user,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return usersPage(model);
        }
        try {
            UserAccount invited = users.invite(form.getEmail(), form.getRole(),
                    form.getRole() == Role.CUSTOMER ? form.getOrganisationId() : null, form.getUsername(), user.getName());
            redirect.addFlashAttribute("message", "Invitation mailed to " + invited.email() + ".");
            return "redirect:/admin/users";
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return usersPage(model);
        }
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        UserAccount account = findUser(id);
        UserForm form = new UserForm();
        form.setRole(account.role());
        form.setOrganisationId(account.organisationId());
        model.addAttribute("userForm", form);
        return userPage(account, model);
    }

    private String userPage(UserAccount account, Model model) {
        model.addAttribute("account", UserView.of(account));
        model.addAttribute("organisations", directory.allOrganisations().stream().filter(OrganisationInfo::active).toList());
        return USER;
    }

    @PostMapping("/admin/users/{id}")
    String changeUser(@PathVariable long id, @ModelAttribute("userForm") UserForm form, BindingResult result,
            Authentication user, Model model, RedirectAttributes redirect) {
        UserAccount account = findUser(id);
        if (result.hasErrors()) {
            return userPage(account, model);
        }
        try {
            users.change(id, form.getRole(), form.getRole() == Role.CUSTOMER ? form.getOrganisationId() : null,
                    user.getName());
            redirect.addFlashAttribute("message", "Saved: " + account.username() + " signs in again with the new role.");
            return "redirect:/admin/users/" + id;
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return userPage(account, model);
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/users/" + id;
        }
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivateUser(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            UserAccount account = users.deactivate(id, user.getName());
            redirect.addFlashAttribute("message", account.username() + " is deactivated: signed out everywhere,"
                    + " tokens no longer work.");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/resend-invitation")
    String resend(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            UserAccount account = users.resendInvitation(id, user.getName());
            redirect.addFlashAttribute("message", "A new invitation was mailed to " + account.email()
                    + "; the earlier link no longer works.");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    private UserAccount findUser(long id) {
        return directory.findUser(id).orElseThrow(() -> new NotFoundException("User", id));
    }
}
