package com.sladesk.security.web;

import java.util.List;

import com.sladesk.organisation.AccountLinks;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.PasswordPolicy;
import com.sladesk.organisation.UserAccount;
import com.sladesk.organisation.UserAdmin;
import com.sladesk.security.AccountSessions;
import com.sladesk.security.ApiTokens;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own account: setting a password from an invitation or reset link, asking for a reset
 * ("forgot password"), changing the password, and personal API tokens.
 */
@Controller
class AccountPageController {

    static final String SET_PASSWORD = "account/set-password";
    static final String FORGOT = "account/forgot";
    static final String ACCOUNT = "account/account";

    private final AccountLinks links;
    private final UserAdmin users;
    private final Directory directory;
    private final ApiTokens tokens;

    AccountPageController(AccountLinks links, UserAdmin users, Directory directory, ApiTokens tokens) {
        this.links = links;
        this.users = users;
        this.directory = directory;
        this.tokens = tokens;
    }

    @GetMapping("/account/password")
    String setPasswordForm(@RequestParam(required = false) String token, Model model) {
        AccountLinks.LinkCheck check = links.check(token);
        model.addAttribute("token", token);
        model.addAttribute("link", check);
        model.addAttribute("linkProblem", check.state() == AccountLinks.LinkState.VALID ? null
                : AccountLinks.describe(check.state()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return SET_PASSWORD;
    }

    @PostMapping("/account/password")
    String setPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model, RedirectAttributes redirect) {
        if (password != null && !password.equals(confirmation)) {
            model.addAttribute("passwordError", "the two passwords differ");
            return setPasswordForm(token, model);
        }
        try {
            UserAccount account = links.setPassword(token, password);
            redirect.addFlashAttribute("message", "Your password is set. Sign in as " + account.username() + ".");
            redirect.addAttribute("username", account.username());
            return "redirect:/login";
        }
        catch (FieldRuleException e) {
            if (e.field().equals("password")) {
                model.addAttribute("passwordError", e.getMessage());
            }
            return setPasswordForm(token, model);
        }
    }

    @GetMapping("/login/forgot")
    String forgotForm() {
        return FORGOT;
    }

    /** The same answer whatever the address: nobody learns who has an account. */
    @PostMapping("/login/forgot")
    String forgot(@RequestParam(required = false) String email, Model model) {
        links.forgotPassword(email);
        model.addAttribute("sent", true);
        return FORGOT;
    }

    @GetMapping("/account")
    String account(Authentication user, Model model) {
        UserAccount account = directory.findUser(user.getName()).orElseThrow(() -> new NotFoundException("User", user.getName()));
        model.addAttribute("account", account);
        model.addAttribute("tokens", tokens.ownTokens(user.getName()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return ACCOUNT;
    }

    @PostMapping("/account/password/change")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            Authentication user, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (password != null && !password.equals(confirmation)) {
            model.addAttribute("passwordError", "the two passwords differ");
            return account(user, model);
        }
        try {
            UserAccount account = users.changeOwnPassword(user.getName(), currentPassword, password);
            AccountSessions.keepThisSession(request, account.sessionsValidFrom());
            redirect.addFlashAttribute("message", "Password changed: your other sessions have ended.");
            return "redirect:/account";
        }
        catch (FieldRuleException e) {
            model.addAttribute(e.field().equals("currentPassword") ? "currentPasswordError" : "passwordError",
                    e.getMessage());
            return account(user, model);
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/account";
        }
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) Integer expiresInDays, Authentication user, Model model) {
        try {
            model.addAttribute("created", tokens.createPersonal(user.getName(), name, scopes, expiresInDays));
        }
        catch (FieldRuleException e) {
            model.addAttribute("tokenError", e.field() + ": " + e.getMessage());
        }
        return account(user, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "Token " + tokens.revokeOwn(user.getName(), id).name() + " revoked.");
        return "redirect:/account";
    }
}
