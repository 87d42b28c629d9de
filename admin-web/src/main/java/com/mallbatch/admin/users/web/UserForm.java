package com.mallbatch.admin.users.web;

import com.mallbatch.admin.infrastructure.security.Role;
import com.mallbatch.admin.users.UserAdministration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** The new-user form. The password is bound once and never put back into a page. */
record UserForm(
        @NotEmpty @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String username,
        @NotEmpty @Size(min = UserAdministration.MIN_PASSWORD_LENGTH, max = 200) String password,
        @NotEmpty Set<Role> roles) {

    static UserForm empty() {
        return new UserForm("", "", Set.of(Role.VIEWER));
    }

    @Override
    public String toString() { // never the password
        return "UserForm[" + username + ", roles=" + roles + "]";
    }
}
