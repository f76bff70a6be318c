tp.custom(["pe123_custom_event",[["count","number"],]],function(track,ev){
var n = document.querySelectorAll(".plan").length;
track({ count: n });
});
