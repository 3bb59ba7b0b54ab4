"""Admin views: social accounts, a post's cross-posting page, delivery actions.

No view talks to a network: sending, retrying and deleting are queued for the worker.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from kim.models import PostPage
from kim.permissions import is_district_staff

from . import compose, services
from .forms import CrossPostForm, MarkSentForm, SocialAccountForm
from .models import MANUAL_NETWORKS, Delivery, DeliveryStatus, ManualShare, Network
from .permissions import (
    accounts_managed_by,
    admin_groups,
    can_crosspost,
    can_manage_account,
    selectable_accounts,
)


def _page(request, title, icon, **context):
    return {"page_title": title, "header_title": title, "header_icon": icon, **context}


def account_list(request):
    accounts = accounts_managed_by(request.user).select_related("group")
    if not is_district_staff(request.user) and not admin_groups(request.user).exists():
        raise PermissionDenied
    return render(
        request,
        "crossposting/account_list.html",
        _page(request, _("Social accounts"), "site", accounts=accounts),
    )


def account_edit(request, pk=None):
    account = None
    if pk is not None:
        account = get_object_or_404(accounts_managed_by(request.user), pk=pk)
    elif not is_district_staff(request.user) and not admin_groups(request.user).exists():
        raise PermissionDenied
    form = SocialAccountForm(request.POST or None, instance=account, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = services.account_save(
            account=form.save(commit=False), credentials=form.new_credentials
        )
        messages.success(request, _("Saved %(account)s.") % {"account": saved})
        return redirect("crossposting_accounts")
    title = _("Edit social account") if account else _("Add a social account")
    return render(
        request,
        "crossposting/account_form.html",
        _page(request, title, "site", form=form, account=account),
    )


def _post_for(request, page_id):
    post = get_object_or_404(PostPage.objects.select_related("hero_image"), pk=page_id)
    if not can_crosspost(request.user, post):
        raise PermissionDenied
    return post


def post_crosspost(request, page_id):
    """Choose accounts and tailor the text per network; on a live post, send to new choices."""
    post = _post_for(request, page_id)
    selectable = selectable_accounts(request.user, post).select_related("group")
    plan = services.plan_for(post)
    link = compose.post_link(post)
    has_image = bool(post.hero_image_id)
    initial_texts = {n: services.text_for(post, n, plan=plan) for n in Network}
    form = CrossPostForm(
        request.POST or None,
        post=post,
        selectable=selectable,
        link=link,
        has_image=has_image,
        initial_texts=initial_texts,
        initial={"accounts": list(plan.accounts.filter(pk__in=selectable)) if plan.pk else []},
    )
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["accounts"])
        services.plan_save(post=post, user=request.user, accounts=chosen, texts=form.texts())
        if post.live and "send" in request.POST:
            created = services.deliveries_create(
                post=post, accounts=chosen, created_by=request.user
            )
            messages.success(
                request, _("Saved; %(count)s new deliveries are queued.") % {"count": len(created)}
            )
        else:
            messages.success(request, _("Saved the cross-posting choices."))
        return redirect("crossposting_post", page_id=post.pk)
    if request.method == "POST":
        messages.error(
            request, _("Nothing was saved: correct the texts marked below. Your texts are kept.")
        )
    deliveries = (
        Delivery.objects.filter(post=post, account__in=selectable)
        .select_related("account", "account__group")
        .order_by("account__name", "-round")
    )
    if form.is_bound:
        chosen = {int(pk) for pk in request.POST.getlist("accounts") if pk.isdigit()}
    else:
        chosen = {a.pk for a in form.initial["accounts"]}
    rows = []
    for network in form.networks:
        field = form[f"text_{network}"]
        text = (field.value() or "").replace("\r\n", "\n")
        rows.append(
            {
                "network": network,
                "field": field,
                "counts": compose.counts(network, text, has_image=has_image),
            }
        )
    manual_accounts = selectable.manual().filter(enabled=True)
    share_text = compose.default_text(Network.WHATSAPP_GROUP, post, link=link)
    preview_image = post.hero_image.get_rendition("max-600x600").url if has_image else ""
    return render(
        request,
        "crossposting/post.html",
        _page(
            request,
            _("Cross-post"),
            "link",
            page_subtitle=post.title,
            post=post,
            form=form,
            accounts=form.fields["accounts"].queryset,
            chosen=chosen,
            rows=rows,
            link=link,
            has_image=has_image,
            preview_image=preview_image,
            hashtags=compose.hashtags(post),
            deliveries=deliveries,
            manual_accounts=manual_accounts,
            share_text=share_text,
            whatsapp_link=compose.whatsapp_link(share_text),
            shares=ManualShare.objects.filter(
                post=post, account__in=manual_accounts
            ).select_related("account", "shared_by"),
        ),
    )


@require_POST
def manual_share(request, page_id, account_id):
    post = _post_for(request, page_id)
    account = get_object_or_404(
        selectable_accounts(request.user, post).filter(network__in=MANUAL_NETWORKS), pk=account_id
    )
    services.manual_share_record(post=post, account=account, user=request.user)
    messages.success(
        request, _("Recorded that you shared it in %(account)s.") % {"account": account.name}
    )
    return redirect("crossposting_post", page_id=post.pk)


def _delivery_for(request, pk):
    delivery = get_object_or_404(Delivery.objects.select_related("account", "post"), pk=pk)
    if not can_manage_account(request.user, delivery.account) and not (
        selectable_accounts(request.user, delivery.post).filter(pk=delivery.account_id).exists()
    ):
        raise PermissionDenied
    return delivery


@require_POST
def delivery_action(request, pk, action):
    delivery = _delivery_for(request, pk)
    if action == "retry":
        if services.delivery_retry(delivery=delivery):
            messages.success(request, _("Queued again."))
    elif action == "mark-sent":
        form = MarkSentForm(request.POST, delivery=delivery)
        if not form.is_valid():
            for error in form.errors.get("remote", []):
                messages.error(request, error)
        elif services.delivery_mark_sent(
            delivery=delivery, remote_id=form.remote_id, remote_url=form.remote_url
        ):
            messages.success(request, _("Marked as sent."))
    elif action == "again":
        services.deliveries_create(
            post=delivery.post, accounts=[delivery.account], created_by=request.user, again=True
        )
        messages.success(request, _("Queued to be posted again."))
    elif action == "delete":
        if services.deliveries_delete_remote(deliveries=[delivery]):
            messages.success(request, _("Deletion from the network is queued."))
    return redirect(
        request.POST.get("next") or reverse("crossposting_post", args=[delivery.post_id])
    )


def post_unpublished(request, page_id):
    """After unpublishing: list every copy that may exist, and delete those the API allows.

    Sent copies, copies marked as sent by hand, and uncertain ones (a person checks the
    network's page) are all listed; queued deliveries were cancelled when it was unpublished.
    """
    post = _post_for(request, page_id)
    copies = (
        Delivery.objects.filter(post=post, account__in=selectable_accounts(request.user, post))
        .may_exist()
        .select_related("account")
    )
    if request.method == "POST":
        chosen = copies.filter(status=DeliveryStatus.SENT, pk__in=request.POST.getlist("delivery"))
        queued = services.deliveries_delete_remote(deliveries=list(chosen))
        messages.success(request, _("%(count)s deletions are queued.") % {"count": len(queued)})
        return redirect("wagtailadmin_explore", post.get_parent().pk)
    return render(
        request,
        "crossposting/unpublished.html",
        _page(
            request,
            _("Delete the social-media copies?"),
            "bin",
            page_subtitle=post.title,
            post=post,
            deliveries=copies,
        ),
    )


def district_messages(request):
    """District-wide messages offered to the accounts of the groups this user runs."""
    groups = admin_groups(request.user)
    if not groups.exists() and not is_district_staff(request.user):
        raise PermissionDenied
    posts = (
        PostPage.objects.live()
        .filter(is_district_message=True)
        .order_by("-first_published_at")[:50]
    )
    return render(
        request,
        "crossposting/district_messages.html",
        _page(
            request,
            _("District-wide messages"),
            "pick",
            posts=posts,
        ),
    )
