tp.on("submit","form#signup",["pe123_submit_event",[["size","enumeration","field","size",["small","large",]],["source","string","query","utm_source"],]]);
